"""Admins teach the city new words: a term added to the thesaurus routes the next agenda and reaches
the search index's synonyms without a restart (real database, real Meilisearch)."""

from __future__ import annotations

from server.accounts.models import User
from server.agendas import service
from server.agendas.policy import viewer_for
from server.settings import Settings
from server.thesaurus.models import ThesaurusTerm
from tests.agenda_world import ROUTE, build_world, propose
from tests.test_cli import cli_env, run_agenda  # noqa: F401 - the fixture is used below

ADD = """
mutation($input: ThesaurusTermsInput!) {
  addThesaurusTerms(input: $input) { concept { id ko en zh } errors { field code message } }
}"""

SEARCH = "query($q: String!) { search(query: $q) { hits { agenda { title } } degraded } }"

STEP_FREE = {"title": "Step-free bus bookings for my mother",
             "body": "She cannot climb into an ordinary coach; let her reserve a step-free bus a day ahead.",
             "field": "PARTICIPATION_PUBLIC_SERVICE"}


async def test_a_new_term_routes_the_next_agenda_without_a_restart(gql):
    world = await build_world(gql)
    before = await propose(gql, world.tokens["citizen"], **STEP_FREE)
    assert before["agenda"]["owner"]["kind"] == "INNOVATION_OFFICER"

    data = await gql(ADD, {"input": {"concept": "low-floor-bus", "en": ["step-free bus"], "zh": ["无障碍公交车"]}},
                     token=world.tokens["admin"])
    added = data["data"]["addThesaurusTerms"]
    assert added["errors"] == []
    assert "step-free bus" in added["concept"]["en"] and "저상버스" in added["concept"]["ko"]
    assert "無障礙公交車" in added["concept"]["zh"]  # kept in Traditional

    after = await propose(gql, world.tokens["citizen2"], **STEP_FREE)
    assert after["agenda"]["owner"] == {"kind": "DEPARTMENT", "department": {"code": "TRANSPORT", "name": "도시교통실"}}
    assert "step-free bus" in after["agenda"]["routing"]["matchedTerms"]
    # typed in Simplified, compared as Traditional
    zh = await propose(gql, world.tokens["citizen2"], title="预约無障礙公交車", body="讓坐輪椅的人和推嬰兒車的家長都可以提前一天預約上車。",
                       field="PARTICIPATION_PUBLIC_SERVICE")
    assert zh["errors"] == [] and zh["agenda"]["owner"]["department"]["code"] == "TRANSPORT", zh


async def test_only_admins_change_the_thesaurus_and_bad_terms_are_refused_whole(gql):
    world = await build_world(gql)
    good = {"concept": "pothole", "ko": ["포트홀"], "en": ["pothole"]}
    anonymous = (await gql(ADD, {"input": good}))["data"]["addThesaurusTerms"]["errors"]
    citizen = (await gql(ADD, {"input": good}, token=world.tokens["citizen"]))["data"]["addThesaurusTerms"]["errors"]
    staff = (await gql(ADD, {"input": good}, token=world.tokens["transport"]))["data"]["addThesaurusTerms"]["errors"]
    assert [e["code"] for e in anonymous + citizen + staff] == ["NOT_AUTHENTICATED", "FORBIDDEN", "FORBIDDEN"]

    bad = await gql(ADD, {"input": {"concept": "Pot Hole!", "ko": ["구"], "en": ["x" * 61]}}, token=world.tokens["admin"])
    errors = {e["field"]: e for e in bad["data"]["addThesaurusTerms"]["errors"]}
    assert {f: e["code"] for f, e in errors.items()} == {"concept": "INVALID", "ko": "TOO_SHORT", "en": "TOO_LONG"}
    assert errors["ko"]["message"].startswith("「구」는 너무 짧아")  # Korean first

    stolen = await gql(ADD, {"input": {"concept": "pothole", "ko": ["포트홀"], "en": ["Wheelchair"]}},
                       token=world.tokens["admin"])
    [error] = stolen["data"]["addThesaurusTerms"]["errors"]
    assert error["code"] == "DUPLICATE" and "휠체어" in error["message"]
    assert await ThesaurusTerm.all().count() == 0  # all or nothing

    english = await gql(ADD, {"input": {"concept": "pothole", "ko": []}}, token=world.tokens["admin"],
                        headers={"Accept-Language": "en"})
    assert english["data"]["addThesaurusTerms"]["errors"][0]["message"] == \
        "Give at least one term in Korean, English or Chinese."


async def test_a_new_concept_reaches_search_synonyms_without_a_restart(gql, app, settings):
    world = await build_world(gql)
    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    agenda = await service.propose(viewer, service.ProposalInput(
        title="도로 포트홀 신고를 사진 한 장으로", body="비 온 뒤 도로에 생긴 포트홀을 사진으로 바로 신고하게 해 주세요.",
        field="HOUSING_SAFETY"), Settings(**{**settings.__dict__, "proposals_per_hour": 10_000}))
    await app.state.indexer.drain_all()
    found = lambda data: [h["agenda"]["title"] for h in data["data"]["search"]["hits"]]  # noqa: E731
    assert agenda.title not in found(await gql(SEARCH, {"q": "pothole"}))

    data = await gql(ADD, {"input": {"concept": "pothole", "ko": ["포트홀"], "en": ["pothole"], "zh": ["坑洞"]}},
                     token=world.tokens["admin"])
    assert data["data"]["addThesaurusTerms"]["errors"] == []
    await app.state.indexer.drain_all()
    for query in ("pothole", "POTHOLE", "坑洞"):
        result = await gql(SEARCH, {"q": query})
        assert result["data"]["search"]["degraded"] is False
        assert found(result)[:1] == [agenda.title], query


async def test_the_operator_adds_terms_from_the_command_line(cli_env):  # noqa: F811
    result = run_agenda(["thesaurus", "add", "--concept", "wheelchair", "--en", "power chair", "--zh", "电动轮椅"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("concept wheelchair: 휠체어 · wheelchair · 輪椅")
    refused = run_agenda(["thesaurus", "add", "--concept", "pothole", "--en", "bus"], cli_env)
    assert refused.returncode == 1
    assert "en: “bus” already belongs to the concept" in refused.stderr and "[DUPLICATE]" in refused.stderr


async def test_the_routing_explanation_names_its_evidence_in_the_readers_language(gql):
    world = await build_world(gql)
    await gql("""mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { errors { code } } }""",
              {"input": {"code": "HOUSING", "dutyStatement": "노후 공동주택의 승강기 설치 지원과 집수리, 세입자 보호."}},
              token=world.tokens["admin"])
    made = await propose(gql, world.tokens["citizen2"], title="老舊公寓加裝電梯補助",
                         body="沒有電梯的老公寓讓長輩出不了門，希望市府補助加裝電梯的費用。", field="HOUSING_SAFETY")
    assert made["errors"] == [] and made["agenda"]["owner"]["department"]["code"] == "HOUSING"
    query = "query($id: ID!) { agenda(id: $id) { routing { explanation } } }"
    ko = (await gql(query, {"id": made["agenda"]["id"]}))["data"]["agenda"]["routing"]["explanation"]
    en = (await gql(query, {"id": made["agenda"]["id"]}, headers={"Accept-Language": "en"}))["data"]["agenda"]["routing"]["explanation"]
    # Departments by their names in the reader's language, never by code.
    assert ko.startswith("주택정책실에 배정했습니다.") and "사무분장이 다루는 일입니다: 加裝電梯" in ko, ko
    assert en.startswith("Routed to Housing Policy Office because") and "its duty statement covers 加裝電梯" in en, en
    assert "HOUSING" not in ko + en


async def test_reroutes_teach_routing_where_such_agendas_belong(gql):
    world = await build_world(gql)
    officer = world.tokens["officer"]
    first = []
    for title, body in [("반지하 곰팡이 제거를 도와주세요", "장마 때마다 벽에 곰팡이가 피어 아이가 기침을 합니다. 도움이 필요해요."),
                        ("Mould in our basement flat", "Every rainy season black mould covers the walls and my child keeps coughing.")]:
        made = await propose(gql, world.tokens["citizen"], title=title, body=body, field="HOUSING_SAFETY")
        assert made["agenda"]["owner"]["kind"] == "INNOVATION_OFFICER"  # nobody's keywords say 곰팡이 yet
        moved = await gql(ROUTE, {"input": {"id": made["agenda"]["id"], "expectedVersion": made["agenda"]["version"],
                                            "ownerKind": "DEPARTMENT", "departmentCode": "HOUSING",
                                            "reason": "주거환경 개선은 주택정책실 소관입니다."}}, token=officer)
        assert moved["data"]["routeAgenda"]["errors"] == []
        first.append(made["agenda"]["id"])

    made = await propose(gql, world.tokens["citizen2"], title="壁癌和發霉的老房子",
                         body="每到梅雨季牆壁就發霉，家裡的老人一直咳嗽，希望有人幫忙處理。", field="HOUSING_SAFETY")
    assert made["agenda"]["owner"]["department"]["code"] == "HOUSING"
    explanation = made["agenda"]["routing"]["explanation"]
    assert f"#{first[0]}, #{first[1]}" in explanation and "받아들인" in explanation, explanation

    # The corrections also become suggestions an admin accepts with one action.
    query = "query($c: String!) { keywordSuggestions(departmentCode: $c) { term concept count agendaIds } }"
    denied = await gql(query, {"c": "HOUSING"}, token=world.tokens["housing"])
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    suggestions = (await gql(query, {"c": "HOUSING"}, token=world.tokens["admin"]))["data"]["keywordSuggestions"]
    mould = next(s for s in suggestions if s["concept"].startswith("곰팡이"))
    assert mould["count"] == 2 and mould["agendaIds"] == [str(i) for i in sorted(first)]
    accept = """mutation($input: AcceptKeywordSuggestionInput!) {
      acceptKeywordSuggestion(input: $input) { department { keywords } errors { field code message } } }"""
    done = (await gql(accept, {"input": {"departmentCode": "HOUSING", "term": mould["term"]}},
                      token=world.tokens["admin"]))["data"]["acceptKeywordSuggestion"]
    assert done["errors"] == [] and mould["term"] in done["department"]["keywords"]
    after = (await gql(query, {"c": "HOUSING"}, token=world.tokens["admin"]))["data"]["keywordSuggestions"]
    assert not any(s["concept"].startswith("곰팡이") for s in after)
    again = (await gql(accept, {"input": {"departmentCode": "HOUSING", "term": "곰팡이"}},
                       token=world.tokens["admin"]))["data"]["acceptKeywordSuggestion"]
    assert again["errors"][0]["code"] == "INVALID"
