"""The outbox workers: nothing lost when one dies mid-batch, no double work when several run."""

from __future__ import annotations

import asyncio

import pytest

from server.accounts.models import User
from server.agendas import service
from server.agendas.models import Agenda
from server.agendas.policy import viewer_for
from server.search.models import OutboxEntry
from server.settings import Settings
from tests.agenda_world import build_world
from workers.indexer import Indexer


async def make_agendas(settings: Settings, n: int) -> None:
    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 100_000})
    for i in range(n):
        await service.propose(viewer, service.ProposalInput(
            title=f"마을 텃밭 나눔 {i}호", body=f"동네 빈터에 함께 가꾸는 텃밭을 만들어 주세요. 이웃 {i}명이 함께합니다.",
            field="LIVING_CULTURE_SPACE"), fast)


async def indexed_ids(app) -> set[int]:
    engine = app.state.search
    docs = await engine.client.index(engine.agendas_uid).get_documents(limit=10_000, fields=["id"])
    return {int(d["id"]) for d in docs.results}


class DiesAfterWriting(Indexer):
    """A worker killed after Meilisearch applied its batch but before it could delete the entries."""

    async def _apply(self, claimed):
        await super()._apply(claimed)
        raise asyncio.CancelledError("killed")


async def test_a_worker_killed_mid_batch_loses_nothing(app, gql, settings):
    await build_world(gql)
    await make_agendas(settings, 12)
    pending = await OutboxEntry.all().count()
    assert pending > 0
    doomed = DiesAfterWriting(app.state.search, batch_size=5)
    with pytest.raises(asyncio.CancelledError):
        await doomed.drain_once()
    assert await OutboxEntry.all().count() == pending  # its claim was not committed: every entry is still there
    survivor = Indexer(app.state.search, batch_size=5)
    await survivor.drain_all()
    assert await OutboxEntry.all().count() == 0
    assert await indexed_ids(app) == set(await Agenda.all().values_list("id", flat=True))


# PostgreSQL only: SQLite runs one in-process worker by design (no SKIP LOCKED).
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_several_workers_on_postgresql_share_the_work_without_doing_it_twice(app, gql, settings):
    assert not settings.is_sqlite
    await build_world(gql)
    await make_agendas(settings, 40)
    total = await OutboxEntry.all().count()
    workers = [Indexer(app.state.search, batch_size=7) for _ in range(3)]

    async def run(worker):
        while await worker.drain_once():
            pass

    await asyncio.gather(*(run(w) for w in workers))
    while await OutboxEntry.all().count():  # entries skipped because another worker held their agenda
        await asyncio.gather(*(run(w) for w in workers))
    assert sum(w.processed for w in workers) == total, "an entry was processed twice"
    assert sum(1 for w in workers if w.processed) >= 2, "the work was not shared"
    assert await indexed_ids(app) == set(await Agenda.all().values_list("id", flat=True))
