"""A facilitator runs an execution workshop and the research team reviews an agenda, through the
GraphQL API as the web app does: every mutation takes one input object and answers with its record
or with coded errors — never both, never a half-written record."""

from __future__ import annotations

import pytest

from server.accounts import service as accounts
from server.accounts.roles import Role
from server.workshops.models import ActionItem, Review, WorkshopItem, WorkshopParticipant
from tests.agenda_world import LOGIN, PASSWORD, build_world, propose

CREATE = """mutation($input: CreateWorkshopInput!) {
  createWorkshop(input: $input) { workshop { id title } errors { field code message } } }"""
ADD_PARTICIPANT = """mutation($input: WorkshopParticipantInput!) {
  addWorkshopParticipant(input: $input) { participant { id name affiliation affiliationType } errors { field code message } } }"""
ADD_ITEM = """mutation($input: WorkshopItemInput!) {
  addWorkshopItem(input: $input) { item { id purpose agenda { id title channel } } errors { field code message } } }"""
ADD_ACTION = """mutation($input: ActionItemInput!) {
  addActionItem(input: $input) { actionItem { id title owner dueDate done } errors { field code message } } }"""
SET_DONE = """mutation($id: ID!) { setActionItemDone(id: $id) { actionItem { id done } errors { field code message } } }"""
REVIEW = """mutation($input: ReviewAgendaInput!) {
  reviewAgenda(input: $input) { review { id scores opinion } errors { field code message } } }"""
WORKSHOP = """query($id: ID!) { workshop(id: $id) { participants { name affiliationType }
  items { purpose actionItems { title owner done } } } }"""

SCORES = {"innovation": 4, "feasibility": 5, "impact": 3, "citizenParticipation": 4, "sustainability": 2}


@pytest.fixture
async def city(gql):
    world = await build_world(gql)
    await accounts.create_user(email="facilitator@seoul.go.kr", password=PASSWORD, display_name="워크숍 진행자",
                               role=Role.FACILITATOR)
    await accounts.create_user(email="expert@univ.ac.kr", password=PASSWORD, display_name="연구단 전문가",
                               role=Role.RESEARCHER)
    for key, email in (("facilitator", "facilitator@seoul.go.kr"), ("researcher", "expert@univ.ac.kr")):
        world.tokens[key] = (await gql(LOGIN, {"e": email, "p": PASSWORD}))["data"]["login"]["token"]
    return world


async def schedule(gql, token) -> str:
    data = (await gql(CREATE, {"input": {"year": 2025, "quarter": 2, "title": "2025 2분기 서울혁신 실행워크숍",
                                         "heldOn": "2025-05-14", "place": "서울시청 8층"}}, token=token))["data"]
    assert data["createWorkshop"]["errors"] == []
    return data["createWorkshop"]["workshop"]["id"]


async def test_a_facilitator_runs_a_workshop_through_the_api(gql, city):
    fac = city.tokens["facilitator"]
    ws = await schedule(gql, fac)
    people = [("박서연", "도시교통실", "OFFICIAL"), ("陳美玲", "臺北市社會住宅協會", "CIVIC_GROUP"),
              ("이민호 🎓", "서울대 행정대학원", "EXPERT")]
    for name, affiliation, kind in people:
        answer = (await gql(ADD_PARTICIPANT, {"input": {"workshopId": ws, "name": name, "affiliation": affiliation,
                                                        "affiliationType": kind}}, token=fac))["data"]["addWorkshopParticipant"]
        assert answer["errors"] == []
        assert {k: answer["participant"][k] for k in ("name", "affiliation", "affiliationType")} == \
            {"name": name, "affiliation": affiliation, "affiliationType": kind}

    item = (await gql(ADD_ITEM, {"input": {"workshopId": ws, "purpose": "DISCOVERY", "newAgenda": {
        "title": "어르신 돌봄 이웃 매칭", "body": "혼자 사는 어르신과 이웃 돌봄 활동가를 동네에서 이어 주는 제도를 만들어요.",
        "field": "PARTICIPATION_PUBLIC_SERVICE"}}}, token=fac))["data"]["addWorkshopItem"]
    assert item["errors"] == [] and item["item"]["agenda"]["channel"] == "WORKSHOP"

    action = (await gql(ADD_ACTION, {"input": {"itemId": item["item"]["id"], "title": "돌봄 매칭 예산 확보",
                                               "owner": "복지정책실", "dueDate": "2025-06-30"}}, token=fac))["data"]["addActionItem"]
    assert action["errors"] == []
    assert action["actionItem"] | {"id": None} == {"id": None, "title": "돌봄 매칭 예산 확보", "owner": "복지정책실",
                                                    "dueDate": "2025-06-30", "done": False}
    done = (await gql(SET_DONE, {"id": action["actionItem"]["id"]}, token=fac))["data"]["setActionItemDone"]
    assert done == {"actionItem": {"id": action["actionItem"]["id"], "done": True}, "errors": []}

    page = (await gql(WORKSHOP, {"id": ws}, token=fac))["data"]["workshop"]
    assert sorted(p["name"] for p in page["participants"]) == sorted(p[0] for p in people)
    assert page["items"] == [{"purpose": "DISCOVERY", "actionItems": [{"title": "돌봄 매칭 예산 확보", "owner": "복지정책실", "done": True}]}]


async def test_the_research_team_reviews_an_agenda_with_one_input(gql, city):
    agenda = (await propose(gql, city.tokens["citizen"]))["agenda"]
    opinion = "실현 가능성이 높고 시민 참여가 돋보입니다. 예산 검토가 필요합니다 👍"
    answer = (await gql(REVIEW, {"input": {"agendaId": agenda["id"], "scores": SCORES, "opinion": opinion}},
                        token=city.tokens["researcher"]))["data"]["reviewAgenda"]
    assert answer["errors"] == [] and answer["review"]["opinion"] == opinion
    assert answer["review"]["scores"]["FEASIBILITY"] == 5


@pytest.mark.parametrize("who, mutation, make_input, expected", [
    ("citizen", ADD_PARTICIPANT, lambda ws, item, agenda: {"workshopId": ws, "name": "김지우", "affiliation": "시민",
                                                             "affiliationType": "CIVIC_GROUP"}, {(None, "FORBIDDEN")}),
    ("facilitator", ADD_PARTICIPANT, lambda ws, item, agenda: {"workshopId": ws, "name": "   ", "affiliation": "가" * 201,
                                                                 "affiliationType": "EXPERT"},
     {("name", "REQUIRED"), ("affiliation", "TOO_LONG")}),
    ("facilitator", ADD_PARTICIPANT, lambda ws, item, agenda: {"workshopId": "99999999999999999999", "name": "박서연",
                                                                 "affiliation": "도시교통실", "affiliationType": "OFFICIAL"},
     {("workshopId", "NOT_FOUND")}),
    ("transport", ADD_ACTION, lambda ws, item, agenda: {"itemId": item, "title": "예산 확보", "owner": "복지정책실",
                                                          "dueDate": "2025-06-30"}, {(None, "FORBIDDEN")}),
    ("facilitator", ADD_ACTION, lambda ws, item, agenda: {"itemId": item, "title": "예", "owner": "복지정책실",
                                                            "dueDate": "1999-12-31"}, {("title", "TOO_SHORT"), ("dueDate", "INVALID")}),
    ("facilitator", REVIEW, lambda ws, item, agenda: {"agendaId": agenda, "scores": SCORES, "opinion": "좋아요 👍👍👍 최고"},
     {(None, "FORBIDDEN")}),
    ("researcher", REVIEW, lambda ws, item, agenda: {"agendaId": agenda, "scores": {**SCORES, "impact": 9},
                                                     "opinion": "짧음"}, {("scores", "INVALID"), ("opinion", "TOO_SHORT")}),
])
@pytest.mark.postgres_first_row
async def test_refusals_come_back_as_coded_errors_and_write_nothing(gql, city, who, mutation, make_input, expected):
    fac = city.tokens["facilitator"]
    ws = await schedule(gql, fac)
    agenda = (await propose(gql, city.tokens["citizen"]))["agenda"]["id"]
    item = (await gql(ADD_ITEM, {"input": {"workshopId": ws, "purpose": "PROGRESS_CHECK", "agendaId": agenda}},
                      token=fac))["data"]["addWorkshopItem"]["item"]["id"]
    before = [await m.all().count() for m in (WorkshopParticipant, WorkshopItem, ActionItem, Review)]

    data = await gql(mutation, {"input": make_input(ws, item, agenda)}, token=city.tokens[who])
    assert "errors" not in data, data  # an expected failure is an answer, not a GraphQL error
    [answer] = data["data"].values()
    record = next(v for k, v in answer.items() if k != "errors")
    assert record is None
    assert {(e["field"], e["code"]) for e in answer["errors"]} == expected
    assert all(e["message"] for e in answer["errors"])
    assert [await m.all().count() for m in (WorkshopParticipant, WorkshopItem, ActionItem, Review)] == before


async def test_the_old_argument_form_is_refused_by_the_schema(gql, city):
    data = await gql("""mutation { addWorkshopParticipant(workshopId: "1", name: "박서연", affiliation: "도시교통실",
                         affiliationType: OFFICIAL) { errors { code } } }""", token=city.tokens["facilitator"])
    assert data["data"] is None
    assert any("WorkshopParticipantInput" in e["message"] for e in data["errors"])
