"""The accountability loop as the people in it live it: a proposer is told where the agenda went and
by when it will be answered, staff hear about their queue, a question stops the clock and the answer
restarts it, and when nobody decides the tick escalates it to the Social Innovation Officer — once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from server.accountability.calendar import WorkCalendar
from server.accountability.escalation import tick
from server.agendas.models import Agenda, AgendaEvent
from server.notifications.models import Notification
from tests.agenda_world import ANSWER, ROUTE, TRIAGE, build_world, propose

SEOUL = ZoneInfo("Asia/Seoul")

NOTIFICATIONS = """
query($unread: Boolean!) {
  unreadNotificationCount
  notifications(first: 20, unreadOnly: $unread) {
    edges { node { id kind title body readAt agenda { id } } cursor }
    pageInfo { hasNextPage endCursor }
  }
}"""

MARK = """
mutation($ids: [ID!], $all: Boolean!) {
  markNotificationsRead(ids: $ids, all: $all) { marked unreadCount errors { field code message } }
}"""

DUE = "query($id: ID!) { agenda(id: $id) { status overdue answerDueAt answerWorkingDaysLeft history { kind data } } }"


def test_working_days_skip_weekends_and_korean_public_holidays():
    cal = WorkCalendar("KR", "Asia/Seoul")
    # Monday 21 September 2026; 추석 falls on Thu 24 – Sat 26, 개천절 (Sat 3 Oct) is replaced on Mon 5 Oct,
    # 한글날 is Fri 9 Oct. The 14th working day, counting the first, is Wednesday 14 October.
    start = datetime(2026, 9, 21, 10, 0, tzinfo=SEOUL)
    due = cal.add_working_days(start, 14)
    assert due.astimezone(SEOUL).date().isoformat() == "2026-10-14"
    assert (due.astimezone(SEOUL).hour, due.astimezone(SEOUL).minute) == (23, 59)
    assert not cal.is_working_day(datetime(2026, 10, 5).date())  # 대체공휴일
    assert cal.is_working_day(datetime(2026, 10, 6).date())
    # A proposal on Saturday starts counting on Monday.
    assert cal.add_working_days(datetime(2026, 10, 10, 9, tzinfo=SEOUL), 1).date().isoformat() == "2026-10-12"
    # Days left: after today up to and including the due day.
    assert cal.working_days_between(datetime(2026, 10, 12, 9, tzinfo=SEOUL), due) == 2
    assert cal.working_days_between(due, start) == 0


async def _notes(gql, token, unread=False):
    data = (await gql(NOTIFICATIONS, {"unread": unread}, token=token))["data"]
    return data["unreadNotificationCount"], [e["node"] for e in data["notifications"]["edges"]]


async def test_a_proposer_hears_where_the_agenda_went_and_staff_hear_of_their_queue(gql):
    world = await build_world(gql)
    t = world.tokens
    created = await propose(gql, t["citizen"])
    agenda = created["agenda"]
    assert agenda["owner"]["department"]["code"] == "TRANSPORT"

    stored = await Agenda.get(id=int(agenda["id"]))
    expected_due = WorkCalendar("KR", "Asia/Seoul").add_working_days(stored.created_at, 14)
    assert stored.answer_due_at == expected_due
    due_text = expected_due.astimezone(SEOUL)
    due_ko = f"{due_text.year}. {due_text.month}. {due_text.day}."

    unread, notes = await _notes(gql, t["citizen"])
    assert unread == 1 and [n["kind"] for n in notes] == ["ROUTED"]
    assert notes[0]["title"] == "제안하신 의제가 도시교통실로 전달되었습니다"
    assert due_ko in notes[0]["body"] and "저상버스 탑승 예약 앱" in notes[0]["body"]
    assert notes[0]["agenda"]["id"] == agenda["id"]

    # Both transport staff hear of it; welfare staff and the officer do not.
    for who in ("transport", "transport2"):
        _, staff_notes = await _notes(gql, t[who])
        assert [n["kind"] for n in staff_notes] == ["NEW_IN_QUEUE"]
        assert due_ko in staff_notes[0]["body"]
    for who in ("welfare", "officer"):
        assert (await _notes(gql, t[who]))[0] == 0

    # The proposer switches to English: the same notification now reads in English.
    prefs = await gql("mutation { updateNotificationPreferences(input: {language: \"en\", email: DAILY_DIGEST}) "
                      "{ preferences { email language } errors { code } } }", token=t["citizen"])
    assert prefs["data"]["updateNotificationPreferences"]["preferences"] == {"email": "DAILY_DIGEST", "language": "en"}
    _, notes = await _notes(gql, t["citizen"])
    assert notes[0]["title"] == "Your agenda was sent to Urban Transportation Office"
    assert f"{due_text.day} {due_text.strftime('%b')} {due_text.year}" in notes[0]["body"]

    # Marking read: someone else's id is refused and nothing changes; then one, then all.
    foreign = (await _notes(gql, t["transport"]))[1][0]["id"]
    refused = (await gql(MARK, {"ids": [notes[0]["id"], foreign], "all": False}, token=t["citizen"]))["data"]
    assert refused["markNotificationsRead"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await _notes(gql, t["transport"]))[0] == 1 and (await _notes(gql, t["citizen"]))[0] == 1
    for bad in (["abc"], ["99999999999999999999999"], [str(i) for i in range(101)]):
        errors = (await gql(MARK, {"ids": bad, "all": False}, token=t["citizen"]))["data"]["markNotificationsRead"]["errors"]
        assert errors and errors[0]["field"] == "ids"
    done = (await gql(MARK, {"ids": [notes[0]["id"]], "all": False}, token=t["citizen"]))["data"]["markNotificationsRead"]
    assert done == {"marked": 1, "unreadCount": 0, "errors": []}
    assert (await _notes(gql, t["citizen"], unread=True))[1] == []
    assert (await gql(MARK, {"ids": None, "all": True}, token=t["transport"]))["data"]["markNotificationsRead"]["unreadCount"] == 0

    # Anonymous callers have no notifications and cannot mark any.
    anon = await gql("{ unreadNotificationCount }")
    assert anon["data"]["unreadNotificationCount"] == 0
    refused = (await gql(MARK, {"ids": None, "all": True}))["data"]["markNotificationsRead"]
    assert refused["errors"][0]["code"] == "NOT_AUTHENTICATED"


async def test_a_question_stops_the_clock_and_the_answer_restarts_it(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda = (await propose(gql, t["citizen"]))["agenda"]
    before = await Agenda.get(id=int(agenda["id"]))
    asked = (await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": before.version,
                                          "decision": "NEEDS_INFO", "reason": "사진이 있으면 설명해 주세요."}},
                       token=t["transport"]))["data"]["triageAgenda"]
    assert asked["errors"] == []
    paused = await Agenda.get(id=int(agenda["id"]))
    assert paused.answer_due_at is None and paused.answer_days_left in (13, 14)
    shown = (await gql(DUE, {"id": agenda["id"]}, token=t["citizen"]))["data"]["agenda"]
    assert shown["answerDueAt"] is None and shown["answerWorkingDaysLeft"] == paused.answer_days_left

    _, notes = await _notes(gql, t["citizen"])
    assert notes[0]["kind"] == "INFO_REQUESTED" and "사진이 있으면 설명해 주세요." in notes[0]["body"]

    answered = (await gql(ANSWER, {"input": {"id": agenda["id"], "expectedVersion": asked["agenda"]["version"],
                                             "answer": "정류장 사진을 첨부할 수 없어 말로 설명드립니다. 경사판이 없습니다."}},
                          token=t["citizen"]))["data"]["answerInfoRequest"]
    assert answered["errors"] == []
    resumed = await Agenda.get(id=int(agenda["id"]))
    cal = WorkCalendar("KR", "Asia/Seoul")
    assert resumed.answer_due_at == cal.add_working_days(resumed.updated_at, paused.answer_days_left)
    _, staff_notes = await _notes(gql, t["transport"])
    assert [n["kind"] for n in staff_notes] == ["INFO_ANSWERED", "NEW_IN_QUEUE"]


async def test_nobody_decides_the_tick_escalates_once_and_the_officer_hears(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda = (await propose(gql, t["citizen"]))["agenda"]
    stored = await Agenda.get(id=int(agenda["id"]))
    due = stored.answer_due_at

    # Three working days before: a reminder to the owner's staff, once.
    cal = WorkCalendar("KR", "Asia/Seoul")
    early = due.astimezone(SEOUL).replace(hour=9, minute=0) - timedelta(days=1)
    while cal.working_days_between(early, due) < 4:
        early -= timedelta(days=1)
    assert (await tick(early)).reminded == 0  # four working days before: not yet
    reminder_time = early + timedelta(days=1)
    while cal.working_days_between(reminder_time, due) > 3:
        reminder_time += timedelta(days=1)
    reports = await asyncio.gather(*(tick(reminder_time) for _ in range(3)))
    assert sum(r.reminded for r in reports) == 1
    _, staff_notes = await _notes(gql, t["transport"])
    assert staff_notes[0]["kind"] == "DEADLINE_REMINDER"

    # Not yet overdue at the due time itself — also when the time is written in Seoul's offset.
    assert (await tick(due.astimezone(SEOUL))).escalated == 0
    # The day after: escalated exactly once, however many workers tick at the same moment.
    later = (due + timedelta(minutes=1)).astimezone(SEOUL)
    reports = await asyncio.gather(*(tick(later) for _ in range(4)))
    assert sum(r.escalated for r in reports) == 1
    assert (await tick(later + timedelta(hours=1))).escalated == 0
    shown = (await gql(DUE, {"id": agenda["id"]}, token=t["officer"]))["data"]["agenda"]
    assert shown["overdue"] is True
    assert [h["kind"] for h in shown["history"]].count("ESCALATED") == 1
    assert await AgendaEvent.filter(agenda_id=stored.id, kind="ESCALATED").count() == 1
    _, officer_notes = await _notes(gql, t["officer"])
    assert [n["kind"] for n in officer_notes] == ["ESCALATED"]
    assert "사회혁신담당관에게 보고되었습니다" in officer_notes[0]["body"]
    _, staff_notes = await _notes(gql, t["transport"])
    assert staff_notes[0]["kind"] == "ESCALATED"

    # A late decision clears the flag and is recorded as not on time; the proposer hears of it.
    current = await Agenda.get(id=stored.id)
    accepted = (await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": current.version,
                                             "decision": "ACCEPT"}}, token=t["transport"]))["data"]["triageAgenda"]
    assert accepted["errors"] == []
    decided = await Agenda.get(id=stored.id)
    assert decided.overdue is False and decided.decided_on_time is False and decided.progress_due_at is not None
    _, notes = await _notes(gql, t["citizen"])
    assert notes[0]["kind"] == "DECIDED" and notes[0]["title"] == "제안하신 의제가 채택으로 바뀌었습니다"


async def test_a_reroute_keeps_the_date_but_gives_the_new_owner_three_working_days(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda = (await propose(gql, t["citizen"]))["agenda"]
    stored = await Agenda.get(id=int(agenda["id"]))
    # Pretend the agenda has waited until the day before its due date.
    almost = stored.answer_due_at - timedelta(days=1)
    await Agenda.filter(id=stored.id).update(answer_due_at=almost)
    moved = (await gql(ROUTE, {"input": {"id": agenda["id"], "expectedVersion": stored.version,
                                         "ownerKind": "DEPARTMENT", "departmentCode": "WELFARE",
                                         "reason": "돌봄 이동 지원은 복지정책실 소관입니다."}},
                       token=t["transport"]))["data"]["routeAgenda"]
    assert moved["errors"] == []
    rerouted = await Agenda.get(id=stored.id)
    floor = WorkCalendar("KR", "Asia/Seoul").add_working_days(datetime.now(timezone.utc), 3)
    assert rerouted.answer_due_at == max(almost, floor)
    _, notes = await _notes(gql, t["citizen"])
    assert notes[0]["kind"] == "REROUTED" and "복지정책실" in notes[0]["title"] and "소관" in notes[0]["body"]
    _, welfare = await _notes(gql, t["welfare"])
    assert [n["kind"] for n in welfare] == ["NEW_IN_QUEUE"]
    # The person who rerouted it is not told about their own action.
    assert all(n["kind"] != "REROUTED" for n in (await _notes(gql, t["transport"]))[1])


async def test_followers_and_supporters_hear_decisions_in_their_own_language(gql):
    world = await build_world(gql)
    t = world.tokens
    agenda = (await propose(gql, t["citizen"]))["agenda"]
    await gql("mutation($id: ID!) { supportAgenda(id: $id) { errors { code } } }", {"id": agenda["id"]},
              token=t["citizen2"])
    await gql("mutation { updateNotificationPreferences(input: {language: \"en\"}) { errors { code } } }",
              token=t["citizen2"])
    current = await Agenda.get(id=int(agenda["id"]))
    await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": current.version, "decision": "REJECT",
                                 "reason": "이미 시행 중인 사업과 겹칩니다."}}, token=t["transport"])
    _, supporter = await _notes(gql, t["citizen2"])
    assert supporter[0]["kind"] == "FOLLOWED_UPDATE"
    assert supporter[0]["title"] == "An agenda you follow is now REJECTED"
    assert "이미 시행 중인 사업과 겹칩니다." in supporter[0]["body"]
    _, proposer = await _notes(gql, t["citizen"])
    assert proposer[0]["title"] == "제안하신 의제가 불채택으로 바뀌었습니다"
    # Unfollowing stops it (supporting implied following).
    await gql("mutation($id: ID!) { followAgenda(id: $id, following: false) { errors { code } } }",
              {"id": agenda["id"]}, token=t["citizen2"])
    assert await Notification.filter(user__email="meiling@example.tw").count() == 1


def test_due_dates_are_utc_instants_at_the_end_of_a_city_day():
    """Stored as UTC, a due date compares right on SQLite (text) as on PostgreSQL."""
    cal = WorkCalendar("KR", "Asia/Seoul")
    due = cal.add_working_days(datetime(2026, 12, 1, 10, tzinfo=SEOUL), 1)
    assert due.utcoffset() == timedelta(0)
    assert due.astimezone(SEOUL).isoformat().startswith("2026-12-01T23:59:59")
