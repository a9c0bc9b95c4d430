"""Rebuilding the search index from the database without a window of half-built answers.

The new index is built aside (``<live>__build_<ts>``) with the settings from code, filled in
keyset-ordered batches (pipelined: Meilisearch indexes one batch while we read the next), then
swapped with the live one in a single atomic Meilisearch task; the old contents are deleted after.
Search keeps answering from the complete old index until the swap.

Writes made while building are not lost: every change to an agenda moves its ``updated_at``, so
after the swap every agenda changed since the build began (with a safety margin for transactions
that were still open) is upserted again into the now-live index. The outbox workers keep running
throughout; what they write goes to the old index until the swap and to the new one after."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from server.agendas.models import Agenda
from server.search.documents import documents_for
from server.search.engine import SearchEngine

CATCH_UP_MARGIN = timedelta(seconds=60)


@dataclass
class ReindexReport:
    indexed: int
    caught_up: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0


async def reindex(engine: SearchEngine, *, batch_size: int = 5000,
                  progress: Callable[[int, int], None] | None = None) -> ReindexReport:
    started_clock = time.perf_counter()
    started = datetime.now(timezone.utc)
    live = engine.agendas_uid
    build = f"{live}__build_{int(started.timestamp() * 1000)}"
    await engine.ensure_index(build)
    index = engine.client.index(build)
    total = await Agenda.all().count()
    done, last_id, tasks = 0, 0, []
    try:
        while True:
            rows = await Agenda.filter(id__gt=last_id).order_by("id").limit(batch_size)
            if not rows:
                break
            tasks.append(await index.add_documents(await documents_for(rows), primary_key="id"))
            last_id = rows[-1].id
            done += len(rows)
            if progress:
                progress(done, total)
            if len(tasks) > 4:  # bound what is queued in Meilisearch at once
                await engine.wait(tasks.pop(0), timeout_ms=600_000)
        for task in tasks:
            await engine.wait(task, timeout_ms=600_000)
        await engine.ensure_index(live)  # the first reindex of a deployment may have no live index yet
        await engine.wait(await engine.client.swap_indexes([(live, build)]), timeout_ms=60_000)
    except BaseException:
        await engine.client.index(build).delete_if_exists()
        raise
    # `build` now holds the previous contents.
    await engine.wait(await engine.client.index(build).delete(), timeout_ms=60_000)

    changed = await Agenda.filter(updated_at__gte=started - CATCH_UP_MARGIN).order_by("id")
    if changed:
        live_index = engine.client.index(live)
        await engine.wait(await live_index.add_documents(await documents_for(changed), primary_key="id"))
    return ReindexReport(indexed=done, caught_up=len(changed), seconds=time.perf_counter() - started_clock)
