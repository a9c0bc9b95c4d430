"""Finding agendas in Korean, Chinese and English through the API, against the real Meilisearch."""

from __future__ import annotations

import pytest

from server.accounts.models import User
from server.agendas import service
from server.agendas.filter import AgendaFilter, clean_filter
from server.agendas.queries import list_agendas
from server.agendas.models import Agenda
from server.agendas.policy import ANONYMOUS, viewer_for
from server.ops import writes
from server.search import fallback as search_fallback
from server.search import service as search
from server.settings import Settings
from tests.agenda_world import build_world
from tests.querycount import count_queries
from tests.search_corpus import CORPUS

SEARCH = """
query($q: String!, $filter: SearchFilterInput, $first: Int, $sort: SearchSort) {
  search(query: $q, filter: $filter, first: $first, sort: $sort) {
    hits { agenda { id title status } highlights { title body } }
    facets { field { value count } status { value count } channel { value count }
             department { value count } district { value count } }
    estimatedTotal processingTimeMs degraded
  }
}"""


async def seed_corpus(settings: Settings, email: str = "jiwoo@example.kr") -> list[Agenda]:
    viewer = await viewer_for(await User.get(email=email))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 10_000})
    return [await service.propose(viewer, service.ProposalInput(title=t, body=b, field=f, district=d), fast)
            for t, b, f, d in CORPUS]


@pytest.fixture
async def corpus(app, gql, settings):
    world = await build_world(gql)
    agendas = await seed_corpus(settings)
    await app.state.indexer.drain_all()
    return world, agendas


async def ids_direct(app, q: str, **kw) -> list[int]:
    engine = app.state.search
    result = await engine.client.index(engine.agendas_uid).search(q, **kw)
    return [int(h["id"]) for h in result.hits]


async def ids_api(gql, q: str, token=None, **variables) -> list[int]:
    data = await gql(SEARCH, {"q": q, **variables}, token=token)
    assert "errors" not in data, data
    assert data["data"]["search"]["degraded"] is False
    return [int(h["agenda"]["id"]) for h in data["data"]["search"]["hits"]]


@pytest.mark.parametrize("query, must_find", [
    ("저상버스를", "저상버스 탑승 예약 앱"),          # a Korean noun with a particle
    ("저상버", "저상버스 탑승 예약 앱"),              # a prefix while typing
    ("공동육아", "동네 공동육아 나눔터"),
    ("低地板公車", "低地板公車預約服務"),            # a Traditional Chinese word inside a sentence
    ("咖啡館", "社區咖啡館成為鄰里客廳"),
    ("comunity cafe", "A community café for every neighbourhood"),  # an English typo, no accent
    ("handbok", "Labour rights handbook for young part-time workers"),
])
@pytest.mark.postgres_first_row
async def test_the_api_finds_what_the_index_ranks_first(gql, app, corpus, query, must_find):
    api = await ids_api(gql, query)
    direct = await ids_direct(app, query, limit=20)
    assert api == direct, "the API must not rank differently from the index"
    titles = {a.id: a.title for a in corpus[1]}
    assert must_find in [titles[i] for i in api[:3]]


async def test_highlights_mark_matches_and_escape_everything_else(gql, app, corpus, settings):
    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 10_000})
    await service.propose(viewer, service.ProposalInput(
        title="<script>alert(1)</script> 저상버스 안내", body="<img src=x onerror=alert(1)> 저상버스 정류장 안내판을 바꿔 주세요.",
        field="PARTICIPATION_PUBLIC_SERVICE"), fast)
    await app.state.indexer.drain_all()
    data = await gql(SEARCH, {"q": "안내판"})
    hit = data["data"]["search"]["hits"][0]
    assert "<script>" not in hit["highlights"]["title"] and "&lt;script&gt;" in hit["highlights"]["title"]
    assert "<mark>안내판</mark>" in hit["highlights"]["body"] and "<img" not in hit["highlights"]["body"]


@pytest.mark.parametrize("field, value", [
    ("departmentCodes", ['x" OR status = "REJECTED']),
    ("departmentCodes", ['TRANSPORT") OR (visibility = "INTERNAL']),
    ("districts", ['JONGNO" OR district EXISTS OR district = "']),
    ("districts", ["\\\" OR 1=1"]),
])
async def test_filter_injection_attempts_are_refused_and_inert(gql, app, corpus, field, value):
    """Such values are no code at all, so the API refuses them; and should one reach the index's
    filter anyway, it stays one quoted value that matches nothing."""
    data = await gql(SEARCH, {"q": "", "filter": {field: value}})
    assert data["errors"][0]["extensions"] == {
        "code": {"departmentCodes": "INVALID_DEPARTMENT_CODE", "districts": "INVALID_DISTRICT"}[field], "field": field}
    unchecked = AgendaFilter(**{{"departmentCodes": "department_codes", "districts": "districts"}[field]: tuple(value)})
    result = await search.search(app.state.search, ANONYMOUS, "", unchecked)
    assert result.hits == [] and result.degraded is False


async def test_visibility_is_enforced_whatever_the_filter(gql, app, corpus, settings):
    staff = await viewer_for(await User.get(email="bus@seoul.go.kr"))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 10_000})
    internal = await service.propose(staff, service.ProposalInput(
        title="저상버스 차고지 내부 검토", body="내부 검토용: 저상버스 차고지 이전 부지를 검토합니다.", field="HOUSING_SAFETY",
        channel="DEPARTMENT_WORK", visibility="INTERNAL"), fast)
    await app.state.indexer.drain_all()
    for token in (None, corpus[0].tokens["citizen2"]):
        found = await ids_api(gql, "차고지", token=token, filter={"statuses": ["IN_TRIAGE"]})
        assert internal.id not in found
    assert internal.id in await ids_api(gql, "차고지", token=corpus[0].tokens["welfare"])


async def test_facet_counts_equal_the_database(gql, corpus):
    data = (await gql(SEARCH, {"q": ""}))["data"]["search"]
    facets = {k: {f["value"]: f["count"] for f in v} for k, v in data["facets"].items()}
    agendas = await Agenda.all().prefetch_related("owner_department")
    from collections import Counter
    assert facets["field"] == dict(Counter(a.field for a in agendas))
    assert facets["status"] == dict(Counter(a.status for a in agendas))
    assert facets["district"] == dict(Counter(a.district for a in agendas if a.district))
    assert facets["department"] == dict(Counter(a.owner_department.code for a in agendas if a.owner_department))
    assert data["estimatedTotal"] == len(agendas)


async def test_filters_and_sorting(gql, corpus):
    jobs = (await gql(SEARCH, {"q": "", "filter": {"fields": ["JOBS"]}}))["data"]["search"]
    assert {h["agenda"]["title"] for h in jobs["hits"]} == {t for t, _, f, _ in CORPUS if f == "JOBS"}
    newest = (await gql(SEARCH, {"q": "", "sort": "NEWEST", "first": 3}))["data"]["search"]["hits"]
    assert [h["agenda"]["title"] for h in newest] == [t for t, *_ in CORPUS[::-1][:3]]


async def test_similar_agendas_hint_at_duplicates_while_typing(gql, corpus):
    data = await gql('query($t: String!, $b: String!) { similarAgendas(title: $t, body: $b) { title } }',
                     {"t": "저상버스 예약", "b": "휠체어 타는 사람도 버스를 예약할 수 있으면"})
    titles = [a["title"] for a in data["data"]["similarAgendas"]]
    assert 0 < len(titles) <= 5 and titles[0] == "저상버스 탑승 예약 앱"


@pytest.mark.parametrize("title", ["저상버스 예약 4b781f", "4b781f 저상버스 예약", "저상버스 xqzvw 예약 🚌"])
@pytest.mark.postgres_first_row
async def test_a_word_no_agenda_contains_does_not_hide_the_duplicate(gql, corpus, title):
    """A name, a number or a made-up word in the title must not hide the duplicate the rest of
    the words point at (Meilisearch's "frequency" strategy would keep that word to the end)."""
    data = await gql('query($t: String!) { similarAgendas(title: $t) { title } }', {"t": title})
    assert [a["title"] for a in data["data"]["similarAgendas"]][:1] == ["저상버스 탑승 예약 앱"]


async def test_bad_search_input_is_a_clear_error(gql, corpus):
    too_long = await gql(SEARCH, {"q": "가" * 201})
    assert too_long["errors"][0]["extensions"] == {"code": "TOO_LONG", "field": "query"}
    too_many = await gql(SEARCH, {"q": "", "first": 500})
    assert too_many["errors"][0]["extensions"]["field"] == "first"


@pytest.mark.parametrize("raw", [
    {"fields": ["HOUSING_SAFETY"]},
    {"districts": ["mapo", "ＮＯＷＯＮ"]},
    {"department_codes": ["transport"], "statuses": ["IN_TRIAGE"]},
    {"owner_kind": "INNOVATION_OFFICER"},
])
async def test_the_index_the_database_fallback_and_the_list_apply_one_filter_alike(gql, app, corpus, raw):
    """While Meilisearch is unreachable the database answers; it must find what the index finds
    and what the agendas list shows for the same filter."""
    f = clean_filter(**raw)
    indexed = await search.search(app.state.search, ANONYMOUS, "", f, first=100, with_facets=False)
    fallen_back = await search_fallback.search_agendas(ANONYMOUS, "", f, 100, 0, search.SearchSort.NEWEST, False)
    listed = await list_agendas(ANONYMOUS, f, first=100)
    assert not indexed.degraded and fallen_back.degraded
    expected = {a.id for a in listed.items}
    assert expected and {h.agenda.id for h in indexed.hits} == {h.agenda.id for h in fallen_back.hits} == expected


HITS = """query($q: String!) { search(query: $q, first: 20) {
  hits { agenda { id title status owner { kind department { code name } } proposer { displayName } } } degraded } }"""
ONE = """query($id: ID!) { agenda(id: $id) { id title status owner { kind department { code name } }
  proposer { displayName } } }"""


async def test_hits_read_what_the_search_shows_and_the_database_still_decides_who_sees_them(gql, app, corpus):
    """A search's hits are the database's rows, read with the columns the query shows (and those the
    visibility rule reads); what the index says never decides who sees an agenda: one made internal
    while the index still holds it public is hidden from citizens at once."""
    world, agendas = corpus
    with count_queries() as q:
        found = await gql(HITS, {"q": "저상버스"})
    hits = [h["agenda"] for h in found["data"]["search"]["hits"]]
    assert hits and found["data"]["search"]["degraded"] is False
    statement = [s for s in q.statements if 'FROM "agendas"' in s]
    assert len(statement) == 1 and '"title"' in statement[0] and '"visibility"' in statement[0]
    assert '"body"' not in statement[0] and '"routing_candidates"' not in statement[0], statement
    for hit in hits:  # what the agenda's own page shows
        assert hit == (await gql(ONE, {"id": hit["id"]}))["data"]["agenda"]

    hidden = int(hits[0]["id"])
    await Agenda.filter(id=hidden).update(visibility="INTERNAL")  # the index is not told: it lags
    writes.bump()  # as any write does: answers shared between anonymous readers are not reused
    proposer = next(a for a in agendas if a.id == hidden)
    owner_email = (await User.get(id=proposer.proposer_id)).email
    for token in (None, world.tokens["citizen2"]):
        assert hidden not in [int(h["agenda"]["id"]) for h in (await gql(HITS, {"q": "저상버스"}, token=token))
                              ["data"]["search"]["hits"]]
    assert hidden in [int(h["agenda"]["id"]) for h in (await gql(HITS, {"q": "저상버스"}, token=world.tokens["welfare"]))
                      ["data"]["search"]["hits"]]
    assert owner_email == "jiwoo@example.kr" and hidden in [  # the proposer still finds their own
        int(h["agenda"]["id"]) for h in (await gql(HITS, {"q": "저상버스"}, token=world.tokens["citizen"]))
        ["data"]["search"]["hits"]]
