"""Lists stay cheap under load and still tell the truth: ``totalCount`` is cached per visibility class
and filter (server/agendas/counts.py), anonymous answers are shared (schema/anonymous_cache.py) —
and both start over when something readers see is written."""

from __future__ import annotations

import asyncio

import pytest

from schema.anonymous_cache import AnswerCache
from server.agendas import counts
from server.agendas.models import Agenda
from server.ops import writes
from tests.agenda_world import TRIAGE, build_world, propose
from tests.querycount import count_queries

COUNT = """
query($filter: AgendaFilterInput) {
  agendas(first: 5, filter: $filter) { totalCount edges { node { id title } } }
}"""

ME_AND_LIST = """
query { me { displayName } agendas(first: 5) { totalCount edges { node { id title status } } } }"""

EXPLAINED = """
query { agendas(first: 1) { edges { node { id routing { explanation } } } } }"""


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


def view_of(app):
    return next(r.endpoint for r in app.routes if getattr(r, "path", None) == "/graphql")


async def total(gql, token=None, filter=None) -> int:
    data = await gql(COUNT, {"filter": filter}, token=token)
    assert "errors" not in data, data
    return data["data"]["agendas"]["totalCount"]


async def test_counts_follow_proposals_triage_and_internal_agendas(gql, world):
    """A citizen proposes, the department triages, staff file an internal agenda: each reader's
    count is right at once after each write, though repeated reads are not counted again."""
    assert await total(gql) == 0
    first = await propose(gql, world.tokens["citizen"])
    assert await total(gql) == 1
    waiting = {"statuses": ["IN_TRIAGE"]}
    assert await total(gql, filter=waiting) == 1

    # the repeat is served from the cache: no COUNT statement
    with count_queries() as q:
        assert await total(gql) == 1
    assert not [s for s in q.statements if "COUNT(" in s.upper()], q.statements

    agenda = first["agenda"]
    decided = await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": agenda["version"],
                                           "decision": "ACCEPT"}}, token=world.tokens["transport"])
    assert decided["data"]["triageAgenda"]["errors"] == []
    assert await total(gql, filter=waiting) == 0
    assert await total(gql, filter={"statuses": ["ACCEPTED"]}) == 1

    internal = await propose(gql, world.tokens["transport"], title="내부 검토: 정류장 경사판 예산",
                             visibility="INTERNAL")
    assert internal["errors"] == [], internal
    assert await total(gql) == 1  # the public does not see it
    assert await total(gql, world.tokens["citizen2"]) == 1  # nor another citizen
    assert await total(gql, world.tokens["transport"]) == 2  # staff do
    assert await total(gql, world.tokens["admin"]) == 2


async def test_a_write_from_another_process_shows_within_the_ttl(gql, world, monkeypatch):
    """A write this process did not make (another server process, or SQL by hand) bumps nothing
    here: the count may be behind by at most TTL_SECONDS (docs/api.md)."""
    await propose(gql, world.tokens["citizen"])
    await propose(gql, world.tokens["citizen2"], title="경로당 돌봄 어르신 프로그램")
    monkeypatch.setattr(counts, "TTL_SECONDS", 60)
    reader = world.tokens["citizen"]  # signed in: no shared answer in the way, only the count's cache
    assert await total(gql, reader) == 2
    before = writes.current()
    await Agenda.filter(title="경로당 돌봄 어르신 프로그램").update(visibility="INTERNAL")  # no outbox, no bump
    assert writes.current() == before
    assert await total(gql, reader) == 2  # still the cached count …
    monkeypatch.setattr(counts, "TTL_SECONDS", 0.05)
    await asyncio.sleep(0.1)
    assert await total(gql, reader) == 1  # … for at most the TTL


async def test_concurrent_misses_share_one_count(gql, world):
    await propose(gql, world.tokens["citizen"])
    counts.clear()
    with count_queries() as q:
        results = await asyncio.gather(*(total(gql, world.tokens["transport"]) for _ in range(8)))
    assert results == [1] * 8
    assert len([s for s in q.statements if "COUNT(" in s.upper()]) == 1, q.statements


QUEUE = """query($c: String) { triageQueue(departmentCode: $c) { totalCount edges { node { id title } } } }"""


async def test_a_triage_queue_total_is_counted_once_until_the_next_write(gql, world):
    """A department's staff reload their queue all day: its total is counted once, and a new proposal
    for them or a decision taken shows in it at once (the same invalidation as the agendas count)."""
    async def queue(token) -> int:
        data = await gql(QUEUE, {"c": "TRANSPORT"}, token=token)
        assert "errors" not in data, data
        return data["data"]["triageQueue"]["totalCount"]

    first = await propose(gql, world.tokens["citizen"])
    assert await queue(world.tokens["transport"]) == 1
    with count_queries() as q:
        assert await queue(world.tokens["transport"]) == 1
        assert await queue(world.tokens["admin"]) == 1  # everyone who may read the queue reads the same total
    assert not [s for s in q.statements if "COUNT(" in s.upper()], q.statements

    await propose(gql, world.tokens["citizen2"], title="저상버스 노선에 경사판 정류장을")
    assert await queue(world.tokens["transport"]) == 2
    agenda = first["agenda"]
    decided = await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": agenda["version"],
                                           "decision": "ACCEPT"}}, token=world.tokens["transport"])
    assert decided["data"]["triageAgenda"]["errors"] == []
    assert await queue(world.tokens["transport"]) == 1
    # who may not read the queue learns nothing from the cache either
    refused = await gql(QUEUE, {"c": "TRANSPORT"}, token=world.tokens["welfare"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN" and refused["data"] is None


async def test_anonymous_answers_are_shared_until_the_next_write(app, gql, world):
    view = view_of(app)
    view.answers.ttl = 60  # a busy test machine must not expire the answer between two requests
    await propose(gql, world.tokens["citizen"])
    first = await gql(COUNT)
    hits = view.answers.hits
    again = await gql(COUNT)
    assert again == first and view.answers.hits == hits + 1

    await propose(gql, world.tokens["citizen2"], title="경로당 돌봄 어르신 프로그램")
    fresh = await gql(COUNT)
    assert fresh["data"]["agendas"]["totalCount"] == 2
    assert fresh["data"]["agendas"]["edges"][0]["node"]["title"] == "경로당 돌봄 어르신 프로그램"


async def test_a_signed_in_view_is_never_shared(app, gql, world):
    view = view_of(app)
    view.answers.ttl = 60
    await propose(gql, world.tokens["transport"], title="내부 검토: 정류장 경사판 예산", visibility="INTERNAL")

    staff = await gql(ME_AND_LIST, token=world.tokens["transport"])
    assert staff["data"]["me"]["displayName"] == "교통 담당"
    assert staff["data"]["agendas"]["totalCount"] == 1
    assert len(view.answers) == 0  # a signed-in answer is not stored

    anonymous = await gql(ME_AND_LIST)
    assert anonymous["data"]["me"] is None and anonymous["data"]["agendas"] == {"totalCount": 0, "edges": []}
    assert len(view.answers) == 1

    # the cached anonymous answer is not what a signed-in reader gets
    hits = view.answers.hits
    again = await gql(ME_AND_LIST, token=world.tokens["transport"])
    assert again["data"]["me"]["displayName"] == "교통 담당" and again["data"]["agendas"]["totalCount"] == 1
    citizen = await gql(ME_AND_LIST, token=world.tokens["citizen"])
    assert citizen["data"]["me"]["displayName"] == "김지우"
    assert view.answers.hits == hits


async def test_an_anonymous_answer_is_not_shared_across_languages(app, gql, world):
    view = view_of(app)
    view.answers.ttl = 60
    await propose(gql, world.tokens["citizen"])
    korean = await gql(EXPLAINED, headers={"Accept-Language": "ko"})
    english = await gql(EXPLAINED, headers={"Accept-Language": "en"})
    ko_text = korean["data"]["agendas"]["edges"][0]["node"]["routing"]["explanation"]
    en_text = english["data"]["agendas"]["edges"][0]["node"]["routing"]["explanation"]
    assert ko_text != en_text
    assert en_text.startswith("Routed to") and not ko_text.startswith("Routed to")
    assert len(view.answers) == 2
    assert (await gql(EXPLAINED, headers={"Accept-Language": "en"})) == english
    assert (await gql(EXPLAINED, headers={"Accept-Language": "ko"})) == korean


async def test_errors_and_mutations_are_never_cached(app, gql, world):
    view = view_of(app)
    refused = await gql(COUNT.replace("first: 5", "first: 101"))
    assert refused["errors"][0]["extensions"]["code"] == "INVALID"
    assert len(view.answers) == 0
    login = "mutation { login(email: \"nobody@example.kr\", password: \"x\") { token errors { code } } }"
    await gql(login)
    assert len(view.answers) == 0


async def test_simultaneous_anonymous_readers_share_one_execution(app, gql, world):
    """32 anonymous clients asking the same page at once: one execution, 31 waiting for its answer."""
    view = view_of(app)
    view.answers.ttl = 60
    await propose(gql, world.tokens["citizen"])
    with count_queries() as q:
        answers = await asyncio.gather(*(gql(COUNT) for _ in range(32)))
    assert all(a == answers[0] for a in answers) and answers[0]["data"]["agendas"]["totalCount"] == 1
    pages = [s for s in q.statements if 'FROM "agendas"' in s and "COUNT(" not in s.upper()]
    assert len(pages) == 1, pages


def test_the_answer_cache_is_bounded():
    cache = AnswerCache(ttl=60, max_entries=2, max_bytes=10)
    g = writes.current()
    for i in range(3):
        cache.put(("q", i), g, 0.0, b"abcd")
    assert len(cache) == 2 and cache.get(("q", 0)) is None  # the oldest was dropped
    cache.put(("big", 0), g, 0.0, b"123456789")
    assert cache._bytes <= 10
    writes.bump()
    assert cache.get(("big", 0)) is None  # a write makes everything stale
