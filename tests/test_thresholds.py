"""Support thresholds and official answers as the people in them live them: fifty citizens with
verified addresses back an agenda and its owner now owes them a public answer — announced once,
however many support at the same moment, to everyone in their own language; a hundred put it on the
next quarterly workshop; the owner answers, and an answer owed is escalated like a decision when its
date passes. And the owners' inbox: overdue first, then by due date; the officer sees every
department's overdue agendas, a citizen sees none."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from server.accountability.escalation import tick
from server.accounts import service as accounts
from server.accounts.roles import Role
from server.agendas.models import Agenda, AgendaEvent
from server.agendas.policy import Viewer
from server.workshops import service as workshops
from server.workshops.models import WorkshopItem
from tests.agenda_world import LOGIN, PASSWORD, TRIAGE, build_world, propose

SEOUL = ZoneInfo("Asia/Seoul")

SUPPORT = "mutation($id: ID!) { supportAgenda(id: $id) { agenda { supportCount verifiedSupportCount } errors { code } } }"
WITHDRAW = "mutation($id: ID!) { withdrawSupport(id: $id) { agenda { supportCount verifiedSupportCount } errors { code } } }"
FOLLOW = "mutation($id: ID!) { followAgenda(id: $id) { errors { code } } }"
LANGUAGE = "mutation($l: String!) { updateNotificationPreferences(input: {language: $l}) { errors { code } } }"
NOTES = "{ notifications(first: 50) { edges { node { kind title body agenda { id } } } } }"
ANSWER_OFFICIALLY = """
mutation($input: AnswerOfficiallyInput!) {
  answerOfficially(input: $input) {
    agenda { id version overdue answerDueAt officialAnswerRequired
             officialAnswer { body answeredAt author { displayName } } }
    errors { field code message }
  }
}"""
SHOWN = """query($id: ID!) { agenda(id: $id) { version status overdue answerDueAt officialAnswerRequired
  verifiedSupportCount supportCount history { kind data reason } } }"""
QUEUE = """
query($d: String, $first: Int!, $after: String, $overdue: Boolean!, $all: Boolean!) {
  triageQueue(departmentCode: $d, first: $first, after: $after, overdueOnly: $overdue, allDepartments: $all) {
    totalCount edges { node { id title overdue answerDueAt answerWorkingDaysLeft } cursor }
    pageInfo { hasNextPage endCursor }
  }
}"""


@pytest.fixture
def settings(settings):
    """Unverified accounts may support here (AGENDA_REQUIRE_VERIFIED_EMAIL=0), so the story can show
    that their supports are taken but do not count toward a threshold."""
    return dataclasses.replace(settings, require_verified_email=False)


async def _citizens(gql, prefix: str, n: int, *, verified: bool = True, language: str = "ko") -> list[str]:
    async def one(i: int) -> str:
        email = f"{prefix}{i}@example.kr"
        await accounts.create_user(email=email, password=PASSWORD, display_name=f"시민 {prefix}{i}",
                                   email_verified=verified, language=language)
        return (await gql(LOGIN, {"e": email, "p": PASSWORD}))["data"]["login"]["token"]

    return [await one(i) for i in range(n)]


async def _support_all(gql, agenda_id: str, tokens: list[str]) -> None:
    results = await asyncio.gather(*(gql(SUPPORT, {"id": agenda_id}, token=t) for t in tokens))
    assert all(r["data"]["supportAgenda"]["errors"] == [] for r in results)


async def _notes(gql, token) -> list[dict]:
    return [e["node"] for e in (await gql(NOTES, token=token))["data"]["notifications"]["edges"]]


async def _shown(gql, agenda_id, token) -> dict:
    return (await gql(SHOWN, {"id": agenda_id}, token=token))["data"]["agenda"]


async def test_fifty_verified_supporters_oblige_an_official_answer_announced_once(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda_id = (await propose(gql, t["citizen"]))["agenda"]["id"]
    # 陳美玲 follows it and reads in English.
    await gql(FOLLOW, {"id": agenda_id}, token=t["citizen2"])
    await gql(LANGUAGE, {"l": "en"}, token=t["citizen2"])

    verified_ko = await _citizens(gql, "ko", 40)
    verified_en = await _citizens(gql, "en", 10, language="en")
    unverified = await _citizens(gql, "unverified", 12, verified=False)

    # 40 verified and 12 unverified: 52 supports, but only 40 count.
    await _support_all(gql, agenda_id, verified_ko + unverified)
    shown = await _shown(gql, agenda_id, t["transport"])
    assert (shown["supportCount"], shown["verifiedSupportCount"]) == (52, 40)
    assert shown["officialAnswerRequired"] is False

    # Ten more verified supporters at the same moment (and one supporting twice): crossed exactly once.
    await _support_all(gql, agenda_id, verified_en + verified_en[:1])
    stored = await Agenda.get(id=int(agenda_id))
    assert (stored.support_count, stored.verified_support_count) == (62, 50)
    assert stored.official_answer_required is True and stored.thresholds_reached == ["ANSWER"]
    events = await AgendaEvent.filter(agenda_id=stored.id, kind="THRESHOLD_REACHED")
    assert len(events) == 1 and events[0].data["count"] == 50 and events[0].data["action"] == "ANSWER"
    assert events[0].actor_id is None
    # Still in triage: the official answer is due with the decision, by the same date.
    assert stored.answer_due_at is not None and stored.status == "IN_TRIAGE"

    # Everyone concerned hears of it once, in their own language: the proposer, the follower, the
    # supporters (supporting follows) — the last one included — and the owner's staff.
    proposer = [n for n in await _notes(gql, t["citizen"]) if n["kind"] == "THRESHOLD_REACHED"]
    assert len(proposer) == 1 and proposer[0]["title"] == "공감 50명 달성"
    assert "공개 공식 답변" in proposer[0]["body"]
    follower = [n for n in await _notes(gql, t["citizen2"]) if n["kind"] == "THRESHOLD_REACHED"]
    assert len(follower) == 1 and follower[0]["title"] == "50 supports reached"
    assert "owes a public official answer" in follower[0]["body"]
    for token in (verified_en[-1], verified_ko[0]):
        assert [n["kind"] for n in await _notes(gql, token)].count("THRESHOLD_REACHED") == 1
    assert [n["title"] for n in await _notes(gql, verified_en[-1])][0] == "50 supports reached"
    assert [n["kind"] for n in await _notes(gql, t["transport"])].count("THRESHOLD_REACHED") == 1
    assert all(n["kind"] != "THRESHOLD_REACHED" for n in await _notes(gql, t["welfare"]))

    # A verified supporter withdraws (49), another supports (50 again): it does not fire twice.
    after = await gql(WITHDRAW, {"id": agenda_id}, token=verified_ko[0])
    assert after["data"]["withdrawSupport"]["agenda"]["verifiedSupportCount"] == 49
    late = await _citizens(gql, "late", 1)
    await _support_all(gql, agenda_id, late)
    assert (await Agenda.get(id=stored.id)).verified_support_count == 50
    assert await AgendaEvent.filter(agenda_id=stored.id, kind="THRESHOLD_REACHED").count() == 1
    # An unverified supporter withdrawing leaves the verified count alone.
    after = await gql(WITHDRAW, {"id": agenda_id}, token=unverified[0])
    assert after["data"]["withdrawSupport"]["agenda"] == {"supportCount": 61, "verifiedSupportCount": 50}


async def test_supports_after_the_window_do_not_cross_a_threshold(gql):
    world = await build_world(gql)
    agenda_id = (await propose(gql, world.tokens["citizen"]))["agenda"]["id"]
    # Routed 31 days ago: the 30-day window for thresholds has closed.
    routed = datetime.now(timezone.utc) - timedelta(days=31)
    await Agenda.filter(id=int(agenda_id)).update(routed_at=routed)
    await _support_all(gql, agenda_id, await _citizens(gql, "slow", 50))
    stored = await Agenda.get(id=int(agenda_id))
    assert stored.verified_support_count == 50 and stored.official_answer_required is False
    assert await AgendaEvent.filter(agenda_id=stored.id, kind="THRESHOLD_REACHED").count() == 0


async def test_supports_carried_over_by_a_merge_count_and_can_cross_the_threshold(gql):
    world = await build_world(gql)
    t = world.tokens
    target_id = (await propose(gql, t["citizen"]))["agenda"]["id"]
    twin_id = (await propose(gql, t["citizen2"], title="휠체어 이용자를 위한 저상버스 예약 서비스"))["agenda"]["id"]
    both = await _citizens(gql, "both", 5)
    await _support_all(gql, target_id, await _citizens(gql, "here", 25) + both)
    await _support_all(gql, twin_id, await _citizens(gql, "there", 20) + both + await _citizens(gql, "unv", 3, verified=False))
    assert (await _shown(gql, target_id, t["transport"]))["verifiedSupportCount"] == 30
    version = (await Agenda.get(id=int(twin_id))).version
    merged = (await gql(TRIAGE, {"input": {"id": twin_id, "expectedVersion": version, "decision": "MERGE",
                                           "mergeIntoId": target_id, "reason": "같은 제안입니다."}},
                        token=t["transport"]))["data"]["triageAgenda"]
    assert merged["errors"] == []
    # 30 + the 20 verified supporters who backed only the twin (the five who backed both count once).
    target = await Agenda.get(id=int(target_id))
    assert (target.support_count, target.verified_support_count) == (53, 50)
    assert target.official_answer_required is True
    assert await AgendaEvent.filter(agenda_id=target.id, kind="THRESHOLD_REACHED").count() == 1
    twin = await Agenda.get(id=int(twin_id))
    assert (twin.support_count, twin.verified_support_count, twin.official_answer_required) == (0, 0, False)


async def test_the_owner_answers_officially_and_an_answer_owed_is_escalated_when_late(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda_id = (await propose(gql, t["citizen"]))["agenda"]["id"]
    other_id = (await propose(gql, t["citizen"], title="저상버스 정류장에 경사판 안내를 붙여 주세요"))["agenda"]["id"]
    await gql(FOLLOW, {"id": agenda_id}, token=t["citizen2"])
    await gql(LANGUAGE, {"l": "en"}, token=t["citizen2"])
    await _support_all(gql, agenda_id, await _citizens(gql, "fan", 50))

    # Accepting it does not settle the official answer: the due date stays for it.
    shown = await _shown(gql, agenda_id, t["transport"])
    due = shown["answerDueAt"]
    accepted = (await gql(TRIAGE, {"input": {"id": agenda_id, "expectedVersion": shown["version"],
                                             "decision": "ACCEPT"}}, token=t["transport"]))["data"]["triageAgenda"]
    assert accepted["errors"] == []
    shown = await _shown(gql, agenda_id, t["transport"])
    assert shown["status"] == "ACCEPTED" and shown["answerDueAt"] == due
    # The inbox still lists it: an answer is owed.
    queue = (await gql(QUEUE, {"d": "TRANSPORT", "first": 10, "after": None, "overdue": False, "all": False},
                       token=t["transport"]))["data"]["triageQueue"]
    assert agenda_id in [e["node"]["id"] for e in queue["edges"]]

    # Nobody answers: the day after the due date the tick escalates it, once, saying what is owed.
    stored = await Agenda.get(id=int(agenda_id))
    later = stored.answer_due_at + timedelta(minutes=1)
    await asyncio.gather(*(tick(later) for _ in range(3)))  # (the other agenda, still in triage, escalates too)
    escalations = await AgendaEvent.filter(agenda_id=int(agenda_id), kind="ESCALATED")
    assert len(escalations) == 1 and escalations[0].data["owed"] == "OFFICIAL_ANSWER"
    officer = [n for n in await _notes(gql, t["officer"]) if n["kind"] == "ESCALATED" and n["agenda"]["id"] == agenda_id]
    assert len(officer) == 1 and officer[0]["title"].endswith("공식 답변을 하지 않았습니다")
    overdue = await _shown(gql, agenda_id, t["officer"])
    assert overdue["overdue"] is True

    # Who may answer: not a citizen, not another department's staff; bad text is refused, nothing written.
    def answer(body, version=overdue["version"], target=agenda_id):
        return {"input": {"id": target, "expectedVersion": version, "body": body}}

    text = "저상버스 예약 앱은 2027년 상반기 시범 운영을 목표로 예산을 편성했습니다. 정류장 경사판 안내도 함께 개선합니다."
    for who, code in (("citizen", "FORBIDDEN"), ("welfare", "FORBIDDEN")):
        refused = (await gql(ANSWER_OFFICIALLY, answer(text), token=t[who]))["data"]["answerOfficially"]
        assert refused["agenda"] is None and refused["errors"][0]["code"] == code
    refused = (await gql(ANSWER_OFFICIALLY, answer(text)))["data"]["answerOfficially"]
    assert refused["errors"][0]["code"] == "NOT_AUTHENTICATED"
    for body, code in (("짧은 답변", "TOO_SHORT"), ("가" * 5001, "TOO_LONG"), ("   ", "REQUIRED"),
                       ("답변\u0007" + "가" * 30, "INVALID")):
        bad = (await gql(ANSWER_OFFICIALLY, answer(body), token=t["transport"]))["data"]["answerOfficially"]
        assert bad["errors"][0]["code"] == code and bad["errors"][0]["field"] == "body"
    stale = (await gql(ANSWER_OFFICIALLY, answer(text, version=1), token=t["transport"]))["data"]["answerOfficially"]
    assert stale["errors"][0]["code"] == "VERSION_CONFLICT"
    not_owed = (await gql(ANSWER_OFFICIALLY, answer(text, version=1, target=other_id),
                          token=t["transport"]))["data"]["answerOfficially"]
    assert not_owed["errors"][0]["code"] == "OFFICIAL_ANSWER_NOT_REQUIRED"
    assert (await Agenda.get(id=int(agenda_id))).official_answer is None

    # The owner answers: public on the agenda, the obligation settled, the proposer and followers told.
    done = (await gql(ANSWER_OFFICIALLY, answer(text), token=t["transport"]))["data"]["answerOfficially"]
    assert done["errors"] == []
    published = done["agenda"]
    assert published["officialAnswer"]["body"] == text
    assert published["officialAnswer"]["author"]["displayName"] == "교통 담당"
    assert published["overdue"] is False and published["answerDueAt"] is None
    public = await gql("query($id: ID!) { agenda(id: $id) { officialAnswer { body } } }", {"id": agenda_id})
    assert public["data"]["agenda"]["officialAnswer"]["body"] == text
    history = (await _shown(gql, agenda_id, t["citizen"]))["history"]
    assert [h["kind"] for h in history].count("OFFICIAL_ANSWER") == 1
    proposer = [n for n in await _notes(gql, t["citizen"]) if n["kind"] == "OFFICIAL_ANSWER"]
    assert proposer[0]["title"] == "공식 답변이 게시되었습니다" and text in proposer[0]["body"]
    follower = [n for n in await _notes(gql, t["citizen2"]) if n["kind"] == "OFFICIAL_ANSWER"]
    assert follower[0]["title"] == "An official answer was published"
    assert all(n["kind"] != "OFFICIAL_ANSWER" for n in await _notes(gql, t["transport"]))  # not told of their own act
    # Answered: nothing left to escalate, and it leaves the inbox.
    assert (await tick(later + timedelta(days=30))).escalated == 0
    queue = (await gql(QUEUE, {"d": "TRANSPORT", "first": 10, "after": None, "overdue": False, "all": False},
                       token=t["transport"]))["data"]["triageQueue"]
    assert agenda_id not in [e["node"]["id"] for e in queue["edges"]]


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


async def _workshop(facilitator: Viewer, day: date, title: str):
    year, quarter = _quarter(day)
    return await workshops.create_workshop(facilitator, year=year, quarter=quarter, title=title, held_on=day,
                                           place="서울혁신파크")


async def test_a_hundred_supporters_put_the_agenda_on_the_next_workshop(gql):
    world = await build_world(gql)
    t = world.tokens
    facilitator = Viewer(user=await accounts.create_user(email="facilitator@seoul.go.kr", password=PASSWORD,
                                                         display_name="워크숍 진행자", role=Role.FACILITATOR))
    first_id = (await propose(gql, t["citizen"]))["agenda"]["id"]
    second_id = (await propose(gql, t["citizen2"], title="저상버스 노선에 휠체어석 안내 방송을 넣어 주세요"))["agenda"]["id"]
    crowd = await _citizens(gql, "crowd", 100)

    # No workshop is scheduled: the crossing is recorded and waits.
    await _support_all(gql, first_id, crowd)
    events = await AgendaEvent.filter(agenda_id=int(first_id), kind="THRESHOLD_REACHED").order_by("id")
    assert [(e.data["count"], e.data["action"]) for e in events] == [(50, "ANSWER"), (100, "WORKSHOP")]
    assert events[1].data["workshop_id"] is None
    assert await WorkshopItem.filter(agenda_id=int(first_id)).count() == 0
    notes = [n for n in await _notes(gql, t["citizen"]) if n["kind"] == "THRESHOLD_REACHED"]
    assert notes[0]["title"] == "공감 100명 달성" and "실행워크숍" in notes[0]["body"]

    # A workshop recorded for a past day does not take it; the next one scheduled does.
    today = datetime.now(SEOUL).date()
    await _workshop(facilitator, today - timedelta(days=1), "지난 워크숍")
    assert await WorkshopItem.filter(agenda_id=int(first_id)).count() == 0
    later = await _workshop(facilitator, today + timedelta(days=40), "다음 분기 실행워크숍")
    items = await WorkshopItem.filter(agenda_id=int(first_id))
    assert [(i.workshop_id, i.purpose) for i in items] == [(later.id, "PLAN_REVIEW")]
    # Only once: a further workshop does not take it again.
    sooner = await _workshop(facilitator, today + timedelta(days=10), "임시 실행워크숍")
    assert await WorkshopItem.filter(agenda_id=int(first_id)).count() == 1

    # A second agenda crossing 100 goes straight onto the earliest workshop after today.
    await _support_all(gql, second_id, crowd)
    items = await WorkshopItem.filter(agenda_id=int(second_id))
    assert [(i.workshop_id, i.purpose) for i in items] == [(sooner.id, "PLAN_REVIEW")]
    event = [e for e in await AgendaEvent.filter(agenda_id=int(second_id), kind="THRESHOLD_REACHED")
             if e.data["action"] == "WORKSHOP"][0]
    assert event.data["workshop_id"] == sooner.id
    shown = await gql("query($id: ID!) { workshop(id: $id) { items { purpose agenda { id } } } }",
                      {"id": str(sooner.id)}, token=t["officer"])
    assert {"purpose": "PLAN_REVIEW", "agenda": {"id": second_id}} in shown["data"]["workshop"]["items"]


async def test_the_inbox_lists_overdue_first_then_by_due_date_and_the_officer_sees_every_overdue_agenda(gql):
    world = await build_world(gql)
    t = world.tokens
    titles = ["저상버스 예약 앱을 만들어 주세요", "저상버스 정류장 경사판을 늘려 주세요",
              "저상버스 배차 간격을 알려 주세요", "저상버스 기사 교육을 강화해 주세요"]
    ids = [(await propose(gql, t["citizen"], title=title))["agenda"]["id"] for title in titles]
    care = (await propose(gql, t["citizen2"], title="어르신 돌봄 방문을 늘려 주세요",
                          body="혼자 사는 어르신을 찾아가는 돌봄 방문이 한 달에 한 번뿐이라 너무 적습니다.",
                          field="PARTICIPATION_PUBLIC_SERVICE"))["agenda"]
    assert care["owner"]["department"]["code"] == "WELFARE"
    now = datetime.now(timezone.utc)
    late, soon, later, asked = ids
    # Due dates as time has passed: one is past due (and escalated by the tick), one due in two days,
    # one in five; one waits for the proposer's answer (no due date).
    await Agenda.filter(id=int(late)).update(answer_due_at=now - timedelta(days=2))
    await Agenda.filter(id=int(care["id"])).update(answer_due_at=now - timedelta(days=1))
    await Agenda.filter(id=int(soon)).update(answer_due_at=now + timedelta(days=2))
    await Agenda.filter(id=int(later)).update(answer_due_at=now + timedelta(days=5))
    version = (await Agenda.get(id=int(asked))).version
    await gql(TRIAGE, {"input": {"id": asked, "expectedVersion": version, "decision": "NEEDS_INFO",
                                 "reason": "어느 노선인지 알려 주세요."}}, token=t["transport"])
    assert (await tick(now)).escalated == 2

    def q(first=10, after=None, d="TRANSPORT", overdue=False, every=False):
        return {"d": d, "first": first, "after": after, "overdue": overdue, "all": every}

    # The department's inbox, two at a time: overdue, then by due date, then the one without a date.
    seen, after = [], None
    while True:
        page = (await gql(QUEUE, q(first=2, after=after), token=t["transport"]))["data"]["triageQueue"]
        seen += [e["node"] for e in page["edges"]]
        assert page["totalCount"] == 4
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [n["id"] for n in seen] == [late, soon, later, asked]
    assert [n["overdue"] for n in seen] == [True, False, False, False]
    assert seen[0]["answerWorkingDaysLeft"] == 0 and seen[3]["answerDueAt"] is None
    assert seen[1]["answerWorkingDaysLeft"] <= seen[2]["answerWorkingDaysLeft"]

    # The department's overdue view, and the officer's over every department.
    mine = (await gql(QUEUE, q(overdue=True), token=t["transport"]))["data"]["triageQueue"]
    assert [e["node"]["id"] for e in mine["edges"]] == [late]
    every = (await gql(QUEUE, q(d=None, overdue=True, every=True), token=t["officer"]))["data"]["triageQueue"]
    assert [e["node"]["id"] for e in every["edges"]] == [late, care["id"]] and every["totalCount"] == 2
    admin = (await gql(QUEUE, q(d=None, overdue=True, every=True), token=t["admin"]))["data"]["triageQueue"]
    assert admin["totalCount"] == 2

    # Nobody else sees every department's queue; bad requests get a clear error.
    for who, code in (("citizen", "FORBIDDEN"), ("transport", "FORBIDDEN")):
        refused = await gql(QUEUE, q(d=None, overdue=True, every=True), token=t[who])
        assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == code
    refused = await gql(QUEUE, q(overdue=True), token=t["citizen"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await gql(QUEUE, q(d=None, overdue=True, every=True))
    assert anonymous["errors"][0]["extensions"]["code"] == "NOT_AUTHENTICATED"
    both = await gql(QUEUE, q(overdue=True, every=True), token=t["officer"])
    assert both["errors"][0]["extensions"]["code"] == "INVALID"
    for cursor in ("not-a-cursor", "SU5CT1h8OXx8MQ", "T0xERVNUOjA6MQ"):
        bad = await gql(QUEUE, q(after=cursor), token=t["transport"])
        assert bad["errors"][0]["extensions"] == {"code": "INVALID_CURSOR", "field": "after"}


def test_a_reminder_and_an_escalation_say_when_what_is_owed_is_the_official_answer():
    from server.notifications.catalogue import render

    params = {"title": "저상버스 예약 앱", "due": "2026-12-09T14:59:59.999000+00:00", "owed": "OFFICIAL_ANSWER"}
    reminder = render("DEADLINE_REMINDER", params, "ko")
    assert reminder.title == "2026. 12. 9.까지 공식 답변이 필요합니다" and "공개 공식 답변" in reminder.body
    assert render("DEADLINE_REMINDER", params, "en").title == "An official answer is due by 9 Dec 2026"
    escalated = render("ESCALATED", params, "en")
    assert escalated.title == "Overdue: no official answer by 9 Dec 2026" and "Social Innovation Officer" in escalated.body
    # A decision still owed reads as before.
    assert render("ESCALATED", {**params, "owed": "DECISION"}, "en").title == "Overdue: no decision by 9 Dec 2026"
