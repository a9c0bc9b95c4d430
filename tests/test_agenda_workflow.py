"""The heart of the product, told as the people who use it live it."""

from __future__ import annotations

import asyncio

import pytest

from server.agendas.models import Agenda, AgendaEvent
from server.search.models import OutboxEntry
from tests.agenda_world import ADVANCE, AGENDA, ANSWER, ROUTE, TRIAGE, build_world, propose


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def read(gql, token, agenda_id):
    return (await gql(AGENDA, {"id": agenda_id}, token=token))["data"]["agenda"]


async def test_a_citizens_agenda_travels_from_proposal_to_completion(gql, world):
    t = world.tokens
    # A citizen proposes in Korean; the particle in 저상버스를 doesn't hide the keyword 저상버스.
    proposed = await propose(gql, t["citizen"])
    assert proposed["errors"] == []
    agenda = proposed["agenda"]
    assert agenda["status"] == "IN_TRIAGE" and agenda["channel"] == "CITIZEN_PROPOSAL"
    assert agenda["owner"] == {"kind": "DEPARTMENT", "department": {"code": "TRANSPORT", "name": "도시교통실"}}
    assert agenda["routing"]["reason"] == "DIRECT_MATCH"
    assert agenda["routing"]["candidates"] == [{"code": "TRANSPORT"}]
    assert "저상버스" in agenda["routing"]["matchedTerms"]
    aid, v = agenda["id"], agenda["version"]

    # Staff of another department cannot triage it, and their attempt changes nothing.
    forbidden = (await gql(TRIAGE, {"input": {"id": aid, "expectedVersion": v, "decision": "ACCEPT"}},
                           token=t["welfare"]))["data"]["triageAgenda"]
    assert forbidden["agenda"] is None and forbidden["errors"][0]["code"] == "FORBIDDEN"
    assert (await read(gql, t["citizen"], aid))["version"] == v

    # The owning department asks for information; the proposer sees the question.
    asked = (await gql(TRIAGE, {"input": {"id": aid, "expectedVersion": v, "decision": "NEEDS_INFO",
                                          "reason": "어느 노선에서 먼저 시범 운영하면 좋을까요?"}},
                       token=t["transport"]))["data"]["triageAgenda"]
    assert asked["errors"] == [] and asked["agenda"]["status"] == "NEEDS_INFO"
    seen = await read(gql, t["citizen"], aid)
    assert seen["status"] == "NEEDS_INFO" and seen["statusReason"] == "어느 노선에서 먼저 시범 운영하면 좋을까요?"

    # The citizen answers; the agenda is routed again and returns to triage.
    answered = (await gql(ANSWER, {"input": {"id": aid, "expectedVersion": seen["version"],
                                             "answer": "종로 마을버스와 저상버스 노선부터 시작하면 좋겠습니다."}},
                          token=t["citizen"]))["data"]["answerInfoRequest"]
    assert answered["errors"] == []
    assert answered["agenda"]["status"] == "IN_TRIAGE"
    assert answered["agenda"]["owner"]["department"]["code"] == "TRANSPORT"
    v = answered["agenda"]["version"]

    for step, query, name, payload in [
        ("accept", TRIAGE, "triageAgenda", {"decision": "ACCEPT"}),
        ("start", ADVANCE, "advanceAgenda", {"status": "IN_PROGRESS"}),
        ("finish", ADVANCE, "advanceAgenda", {"status": "COMPLETED", "reason": "3개 노선 시범 운영 완료"}),
    ]:
        result = (await gql(query, {"input": {"id": aid, "expectedVersion": v, **payload}}, token=t["transport"]))["data"][name]
        assert result["errors"] == [], step
        v = result["agenda"]["version"]
    final = await read(gql, None, aid)  # completed public agendas are open to anyone
    assert final["status"] == "COMPLETED"
    assert final["proposer"] == {"displayName": "김지우", "email": None}  # never a proposer's e-mail

    history = [(h["kind"], h["fromStatus"], h["toStatus"]) for h in final["history"]]
    assert history == [
        ("PROPOSED", None, "SUBMITTED"),
        ("ROUTED", "SUBMITTED", "IN_TRIAGE"),
        ("TRANSITION", "IN_TRIAGE", "NEEDS_INFO"),
        ("INFO_ANSWERED", "NEEDS_INFO", "IN_TRIAGE"),
        ("ROUTED", None, None),
        ("TRANSITION", "IN_TRIAGE", "ACCEPTED"),
        ("TRANSITION", "ACCEPTED", "IN_PROGRESS"),
        ("TRANSITION", "IN_PROGRESS", "COMPLETED"),
    ]
    actors = [h["actor"]["displayName"] if h["actor"] else None for h in final["history"]]
    assert actors == ["김지우", None, "교통 담당", "김지우", None, "교통 담당", "교통 담당", "교통 담당"]
    assert final["history"][-1]["reason"] == "3개 노선 시범 운영 완료"
    # every change was announced to search in its own transaction
    assert await OutboxEntry.filter(topic="agenda", entity_id=aid).count() == len(history) + 0


async def test_multi_department_and_unclear_agendas_land_with_the_officer_who_reroutes_one(gql, world):
    t = world.tokens
    multi = await propose(gql, t["citizen"], title="어르신 돌봄 노동자를 위한 저상버스 이동 지원",
                          body="돌봄 노동자와 어르신이 함께 저상버스를 쉽게 이용하도록 정류장 안내를 바꿔 주세요.")
    unclear = await propose(gql, t["citizen2"], title="동네 도서관 옆에 작은 정원을 만들어요",
                            body="아이들과 이웃이 함께 가꾸는 작은 정원이 있으면 동네가 더 따뜻해질 것 같습니다.",
                            field="LIVING_CULTURE_SPACE", district=None)
    assert multi["agenda"]["owner"] == {"kind": "INNOVATION_OFFICER", "department": None}
    assert multi["agenda"]["routing"]["reason"] == "MULTI_DEPARTMENT"
    assert {c["code"] for c in multi["agenda"]["routing"]["candidates"]} == {"TRANSPORT", "WELFARE"}
    assert unclear["agenda"]["owner"]["kind"] == "INNOVATION_OFFICER"
    assert unclear["agenda"]["routing"]["reason"] == "UNCLEAR_OWNERSHIP"

    queue = await gql("{ triageQueue { totalCount edges { node { id } } } }", token=t["officer"])
    assert queue["data"]["triageQueue"]["totalCount"] == 2
    # Department staff can neither read the officer's queue nor reroute what the officer owns.
    denied = await gql("{ triageQueue { totalCount } }", token=t["transport"])
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    m = multi["agenda"]
    not_theirs = (await gql(ROUTE, {"input": {"id": m["id"], "expectedVersion": m["version"], "ownerKind": "DEPARTMENT",
                                              "departmentCode": "TRANSPORT", "reason": "우리가 할게요"}},
                            token=t["transport"]))["data"]["routeAgenda"]
    assert not_theirs["errors"][0]["code"] == "FORBIDDEN"

    rerouted = (await gql(ROUTE, {"input": {"id": m["id"], "expectedVersion": m["version"], "ownerKind": "DEPARTMENT",
                                            "departmentCode": "welfare", "reason": "돌봄 노동 의제가 중심이라 복지정책실이 주관합니다."}},
                          token=t["officer"]))["data"]["routeAgenda"]
    assert rerouted["errors"] == []
    assert rerouted["agenda"]["owner"] == {"kind": "DEPARTMENT", "department": {"code": "WELFARE"}}
    assert rerouted["agenda"]["routing"]["reason"] == "MANUAL"
    assert "복지정책실이 주관합니다" in rerouted["agenda"]["routing"]["explanation"]
    welfare_queue = await gql('{ triageQueue(departmentCode: "WELFARE") { edges { node { id viewerCanTriage } } } }',
                              token=t["welfare"])
    assert welfare_queue["data"]["triageQueue"]["edges"] == [{"node": {"id": m["id"], "viewerCanTriage": True}}]
    history = (await read(gql, t["welfare"], m["id"]))["history"]
    assert history[-1]["kind"] == "REROUTED" and history[-1]["actor"]["displayName"] == "사회혁신담당관"


async def test_two_officials_triage_the_same_agenda_at_once_and_exactly_one_wins(gql, world):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    accept = {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}}
    reject = {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "REJECT", "reason": "예산 부족"}}
    results = await asyncio.gather(gql(TRIAGE, accept, token=t["transport"]), gql(TRIAGE, reject, token=t["transport2"]))
    payloads = [r["data"]["triageAgenda"] for r in results]
    winners = [p for p in payloads if not p["errors"]]
    losers = [p for p in payloads if p["errors"]]
    assert len(winners) == 1 and len(losers) == 1
    conflict = losers[0]["errors"][0]
    assert conflict["code"] == "VERSION_CONFLICT" and conflict["field"] == "expectedVersion"
    assert f"현재 버전 {a['version'] + 1}" in conflict["message"]  # Korean unless the caller asks otherwise
    stored = await Agenda.get(id=int(a["id"]))
    assert stored.version == a["version"] + 1 and stored.status == winners[0]["agenda"]["status"]
    assert await AgendaEvent.filter(agenda_id=stored.id, kind="TRANSITION").count() == 1


async def test_a_stale_version_is_a_conflict_not_an_overwrite(gql, world):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    ok = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}},
                    token=t["transport"]))["data"]["triageAgenda"]
    assert ok["errors"] == []
    stale = (await gql(ADVANCE, {"input": {"id": a["id"], "expectedVersion": a["version"], "status": "IN_PROGRESS"}},
                       token=t["transport2"]))["data"]["advanceAgenda"]
    assert stale["errors"][0]["code"] == "VERSION_CONFLICT"
    assert (await Agenda.get(id=int(a["id"]))).status == "ACCEPTED"


async def test_a_decision_made_on_a_stale_page_is_a_conflict_even_when_it_is_no_longer_allowed(gql, world):
    """Staff A accepts; staff B, still looking at the old page, accepts too. ACCEPTED → ACCEPTED is
    not a move the lifecycle has, but what B must hear is that someone changed it (and reload), not
    that the move is invalid."""
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    first = {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}}
    assert (await gql(TRIAGE, first, token=t["transport"]))["data"]["triageAgenda"]["errors"] == []
    second = (await gql(TRIAGE, first, token=t["transport2"]))["data"]["triageAgenda"]
    assert second["agenda"] is None
    assert [e["code"] for e in second["errors"]] == ["VERSION_CONFLICT"]
    # The same for a reroute and for the proposer's answer made on an old page.
    reroute = (await gql(ROUTE, {"input": {"id": a["id"], "expectedVersion": a["version"], "ownerKind": "INNOVATION_OFFICER",
                                           "reason": "여러 부서에 걸칩니다"}}, token=t["officer"]))["data"]["routeAgenda"]
    assert [e["code"] for e in reroute["errors"]] == ["VERSION_CONFLICT"]


SAVE_PLAN = """mutation($input: ExecutionPlanInput!) {
  saveExecutionPlan(input: $input) { agenda { version plan { summary } } errors { field code } } }"""


async def test_two_officials_editing_the_plan_at_once_are_told_of_each_other(gql, world):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    accepted = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}},
                          token=t["transport"]))["data"]["triageAgenda"]["agenda"]
    v = accepted["version"]

    def plan(summary, version):
        return {"input": {"agendaId": a["id"], "expectedVersion": version, "summary": summary,
                          "milestones": [{"title": "노선 선정", "dueDate": "2026-12-31"}]}}

    results = await asyncio.gather(gql(SAVE_PLAN, plan("3개 노선에서 시작", v), token=t["transport"]),
                                   gql(SAVE_PLAN, plan("1개 노선에서 시작", v), token=t["transport2"]))
    payloads = [r["data"]["saveExecutionPlan"] for r in results]
    winners = [p for p in payloads if not p["errors"]]
    losers = [p for p in payloads if p["errors"]]
    assert len(winners) == 1 and len(losers) == 1
    assert [e["code"] for e in losers[0]["errors"]] == ["VERSION_CONFLICT"]
    assert winners[0]["agenda"]["version"] == v + 1
    stored = (await read(gql, t["citizen"], a["id"]))
    assert stored["version"] == v + 1
    # A decision made from the page before the plan was saved is a conflict too.
    stale = (await gql(ADVANCE, {"input": {"id": a["id"], "expectedVersion": v, "status": "IN_PROGRESS"}},
                       token=t["transport"]))["data"]["advanceAgenda"]
    assert [e["code"] for e in stale["errors"]] == ["VERSION_CONFLICT"]
    assert await AgendaEvent.filter(agenda_id=int(a["id"]), kind="PLAN_UPDATED").count() == 1


async def test_the_officer_can_look_at_any_departments_queue(gql, world):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    query = "query($d: String) { triageQueue(departmentCode: $d) { totalCount edges { node { id } } } }"
    seen = (await gql(query, {"d": "TRANSPORT"}, token=t["officer"]))
    assert "errors" not in seen
    assert a["id"] in [e["node"]["id"] for e in seen["data"]["triageQueue"]["edges"]]
    # Department staff still see only their own departments' queues.
    other = await gql(query, {"d": "TRANSPORT"}, token=t["welfare"])
    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize(
    "payload, code, field",
    [
        ({"decision": "REJECT"}, "REASON_REQUIRED", "reason"),
        ({"decision": "REJECT", "reason": "   "}, "REASON_REQUIRED", "reason"),
        ({"decision": "NEEDS_INFO"}, "REASON_REQUIRED", "reason"),
        ({"decision": "MERGE"}, "REQUIRED", "mergeIntoId"),
        ({"decision": "MERGE", "mergeIntoId": "999999"}, "NOT_FOUND", "mergeIntoId"),
        ({"decision": "MERGE", "mergeIntoId": "SELF"}, "INVALID_MERGE_TARGET", "mergeIntoId"),
        ({"decision": "ACCEPT", "expectedVersion": 99}, "VERSION_CONFLICT", "expectedVersion"),
        ({"decision": "ACCEPT", "id": "not-a-number"}, "NOT_FOUND", "id"),
    ],
)
@pytest.mark.postgres_first_row
async def test_invalid_triage_gets_a_user_error_and_writes_nothing(gql, world, payload, code, field):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    events_before = await AgendaEvent.all().count()
    outbox_before = await OutboxEntry.all().count()
    data = {"id": a["id"], "expectedVersion": a["version"], **payload}
    if data.get("mergeIntoId") == "SELF":
        data["mergeIntoId"] = a["id"]
    result = (await gql(TRIAGE, {"input": data}, token=t["transport"]))["data"]["triageAgenda"]
    assert result["agenda"] is None
    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    stored = await Agenda.get(id=int(a["id"]))
    assert (stored.status, stored.version) == ("IN_TRIAGE", a["version"])
    assert await AgendaEvent.all().count() == events_before
    assert await OutboxEntry.all().count() == outbox_before


async def test_moves_the_lifecycle_does_not_allow_are_refused(gql, world):
    t = world.tokens
    a = (await propose(gql, t["citizen"]))["agenda"]
    jump = (await gql(ADVANCE, {"input": {"id": a["id"], "expectedVersion": a["version"], "status": "COMPLETED"}},
                      token=t["transport"]))["data"]["advanceAgenda"]
    assert jump["errors"][0]["code"] == "INVALID_TRANSITION"
    wrong_tool = (await gql(ADVANCE, {"input": {"id": a["id"], "expectedVersion": a["version"], "status": "ACCEPTED"}},
                            token=t["transport"]))["data"]["advanceAgenda"]
    assert wrong_tool["errors"][0]["code"] == "INVALID_TRANSITION"
    # A proposer cannot accept their own agenda, nor answer when nothing was asked.
    own = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}},
                     token=t["citizen"]))["data"]["triageAgenda"]
    assert own["errors"][0]["code"] == "FORBIDDEN"
    nothing_asked = (await gql(ANSWER, {"input": {"id": a["id"], "expectedVersion": a["version"], "answer": "답변입니다"}},
                               token=t["citizen"]))["data"]["answerInfoRequest"]
    assert nothing_asked["errors"][0]["code"] == "INVALID_TRANSITION"
    # Rejected is final.
    rejected = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "REJECT",
                                             "reason": "이미 시행 중인 사업과 같습니다."}}, token=t["transport"]))["data"]["triageAgenda"]
    again = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": rejected["agenda"]["version"],
                                          "decision": "ACCEPT"}}, token=t["transport"]))["data"]["triageAgenda"]
    assert again["errors"][0]["code"] == "INVALID_TRANSITION"
    # The proposer sees the rejection reason.
    assert (await read(gql, t["citizen"], a["id"]))["statusReason"] == "이미 시행 중인 사업과 같습니다."


async def test_merging_carries_supports_and_followers_over(gql, world):
    t = world.tokens
    dup = (await propose(gql, t["citizen"], title="저상버스 예약 서비스 제안")) ["agenda"]
    main = (await propose(gql, t["citizen2"], title="휠체어 이용자를 위한 저상버스 예약제"))["agenda"]
    support = "mutation($id: ID!) { supportAgenda(id: $id) { agenda { supportCount viewerHasSupported } errors { code } } }"
    assert (await gql(support, {"id": dup["id"]}, token=t["citizen2"]))["data"]["supportAgenda"]["agenda"] == {
        "supportCount": 1, "viewerHasSupported": True}
    assert (await gql(support, {"id": dup["id"]}, token=t["welfare"]))["data"]["supportAgenda"]["errors"] == []
    await gql(support, {"id": main["id"]}, token=t["welfare"])
    # supporting twice is one support; supporting your own agenda is refused
    assert (await gql(support, {"id": main["id"]}, token=t["welfare"]))["data"]["supportAgenda"]["agenda"]["supportCount"] == 1
    assert (await gql(support, {"id": main["id"]}, token=t["citizen2"]))["data"]["supportAgenda"]["errors"][0]["code"] == "FORBIDDEN"

    merged = (await gql(TRIAGE, {"input": {"id": dup["id"], "expectedVersion": dup["version"], "decision": "MERGE",
                                           "mergeIntoId": main["id"], "reason": "같은 제안입니다"}},
                        token=t["transport"]))["data"]["triageAgenda"]
    assert merged["errors"] == [] and merged["agenda"]["status"] == "MERGED"
    old = await read(gql, t["citizen"], dup["id"])
    assert old["mergedInto"] == {"id": main["id"]} and old["supportCount"] == 0
    new = await read(gql, t["citizen"], main["id"])
    # citizen2 (proposer of main) keeps her support on dup moved over; welfare's two supports become one
    assert new["supportCount"] == 2
    assert new["history"][-1]["kind"] == "MERGED_IN"
    followers = await gql('query($id: ID!) { agenda(id: $id) { viewerIsFollowing } }', {"id": main["id"]}, token=t["citizen"])
    assert followers["data"]["agenda"]["viewerIsFollowing"] is True  # the duplicate's proposer follows on
