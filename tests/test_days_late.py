"""How late an owner's answer is, in working days: the officer's overdue view lists every
department's overdue agendas with the days each is late, counted in the city's calendar (weekends and
public holidays are not days late), and an agenda not yet due is 0 days late."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from server.accountability.calendar import WorkCalendar
from server.accountability.escalation import tick
from server.agendas.models import Agenda
from tests.agenda_world import build_world, propose

OVERDUE_VIEW = """
query {
  triageQueue(first: 20, overdueOnly: true, allDepartments: true) {
    totalCount
    edges { node { id overdue answerDueAt answerWorkingDaysLeft answerWorkingDaysOverdue
                   owner { department { code } } } }
  }
}"""
SHOWN = "query($id: ID!) { agenda(id: $id) { overdue answerWorkingDaysOverdue } }"


def _three_working_days_ago(cal: WorkCalendar, now: datetime) -> datetime:
    """The end of the day after which exactly three working days have begun, up to today."""
    day, counted = cal.local_date(now), 0
    while counted < 3:
        if cal.is_working_day(day):
            counted += 1
        day -= timedelta(days=1)
    return cal.end_of(day)


async def test_the_officer_sees_how_many_working_days_an_escalated_answer_is_late(gql):
    world = await build_world(gql)
    t = world.tokens
    late = (await propose(gql, t["citizen"]))["agenda"]
    on_time = (await propose(gql, t["citizen"], title="저상버스 정류장에 경사판 안내를 붙여 주세요"))["agenda"]

    # Nobody decided the first one, and its due date passed three working days ago.
    cal = WorkCalendar("KR", "Asia/Seoul")
    now = datetime.now(timezone.utc)
    await Agenda.filter(id=int(late["id"])).update(answer_due_at=_three_working_days_ago(cal, now))
    assert (await tick(now)).escalated == 1

    view = (await gql(OVERDUE_VIEW, token=t["officer"]))["data"]["triageQueue"]
    assert view["totalCount"] == 1
    shown = view["edges"][0]["node"]
    assert shown["id"] == late["id"] and shown["overdue"] is True
    assert (shown["answerWorkingDaysLeft"], shown["answerWorkingDaysOverdue"]) == (0, 3)
    assert shown["owner"]["department"]["code"] == "TRANSPORT"

    # Not yet due: not late at all (and anyone who may read the agenda sees the same).
    fresh = (await gql(SHOWN, {"id": on_time["id"]}, token=t["citizen"]))["data"]["agenda"]
    assert fresh == {"overdue": False, "answerWorkingDaysOverdue": 0}
