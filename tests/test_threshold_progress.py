"""How far an agenda is from its next support threshold, as the agenda page shows it ("공감 42명 ·
공식 답변까지 8명"): only verified supports count, the next threshold follows once one is reached, and
nothing is shown when supports no longer count (decided against, or the window after routing closed)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from server.accounts import service as accounts
from server.agendas.models import Agenda
from tests.agenda_world import LOGIN, PASSWORD, build_world, propose

SUPPORT = "mutation($id: ID!) { supportAgenda(id: $id) { errors { code } } }"
SHOWN = """query($id: ID!) { agenda(id: $id) { verifiedSupportCount officialAnswerRequired
  nextSupportThreshold { action count remaining countsUntil } } }"""


@pytest.fixture
def settings(settings):
    """Small thresholds keep the story short; unverified accounts may support, so it can show that they
    do not count."""
    return dataclasses.replace(settings, require_verified_email=False,
                               support_thresholds=((3, "ANSWER"), (5, "WORKSHOP")))


async def _supporters(gql, agenda_id: str, prefix: str, n: int, *, verified: bool = True) -> None:
    for i in range(n):
        email = f"{prefix}{i}@example.kr"
        await accounts.create_user(email=email, password=PASSWORD, display_name=f"시민 {prefix}{i} 🙂",
                                   email_verified=verified)
        token = (await gql(LOGIN, {"e": email, "p": PASSWORD}))["data"]["login"]["token"]
        assert (await gql(SUPPORT, {"id": agenda_id}, token=token))["data"]["supportAgenda"]["errors"] == []


async def _shown(gql, agenda_id: str) -> dict:
    return (await gql(SHOWN, {"id": agenda_id}))["data"]["agenda"]


async def test_the_page_counts_down_to_the_official_answer_then_to_the_workshop(gql):
    world = await build_world(gql)
    agenda_id = (await propose(gql, world.tokens["citizen"]))["agenda"]["id"]
    first = (await _shown(gql, agenda_id))["nextSupportThreshold"]
    assert (first["action"], first["count"], first["remaining"]) == ("ANSWER", 3, 3)

    await _supporters(gql, agenda_id, "v", 2)
    await _supporters(gql, agenda_id, "u", 2, verified=False)  # taken, but they do not count
    shown = await _shown(gql, agenda_id)
    assert shown["verifiedSupportCount"] == 2 and shown["nextSupportThreshold"]["remaining"] == 1

    await _supporters(gql, agenda_id, "w", 1)
    shown = await _shown(gql, agenda_id)
    assert shown["officialAnswerRequired"] is True
    nxt = shown["nextSupportThreshold"]
    assert (nxt["action"], nxt["count"], nxt["remaining"], nxt["countsUntil"]) == ("WORKSHOP", 5, 2, first["countsUntil"])

    await _supporters(gql, agenda_id, "x", 2)
    assert (await _shown(gql, agenda_id))["nextSupportThreshold"] is None  # every threshold reached


async def test_nothing_to_count_towards_once_the_window_after_routing_has_closed(gql):
    world = await build_world(gql)
    agenda_id = (await propose(gql, world.tokens["citizen"]))["agenda"]["id"]
    stored = await Agenda.get(id=int(agenda_id))
    await Agenda.filter(id=stored.id).update(routed_at=stored.routed_at - timedelta(days=31))
    assert (await _shown(gql, agenda_id))["nextSupportThreshold"] is None
