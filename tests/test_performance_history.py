"""The performance report holds owners to their answer deadlines and keeps its history.

A department that decides on time and one that lets an agenda be escalated read as such — the
on-time rate per owner and quarter, and the median working days from routing to decision; a plan
saved in one quarter and changed in the next reads, for each quarter, what it said then; and the
research team downloads the same report as a spreadsheet.

Like ``test_workshops_year.py``, the only liberty taken is moving timestamps to the day a step is
meant to have happened; every state change goes through the product's own functions."""

from __future__ import annotations

import pytest

import csv
import io
from datetime import date, datetime, timedelta, timezone

from server.accountability.calendar import WorkCalendar
from server.accountability.escalation import tick
from server.accounts import service as accounts
from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas import triage
from server.agendas.models import Agenda, AgendaEvent
from server.agendas.policy import viewer_for
from server.workshops import plans, revisions
from server.workshops.models import PlanRevision
from server.workshops.reports import performance_report, quarter_bounds
from tests.agenda_world import LOGIN, PASSWORD, build_world, propose

CAL = WorkCalendar("KR", "Asia/Seoul")

TIMELINESS = """
query($y: Int!, $q: Int!) {
  ownerTimeliness(year: $y, quarter: $q) {
    owner { kind department { code name } }
    decisions decidedOnTime onTimeRate medianWorkingDaysToDecision
  }
}"""

PROGRESS = """
query($y: Int!, $q: Int!) {
  workshopProgress(year: $y, quarter: $q) { overdueMilestones { title dueDate owner agenda { id } } }
  performanceReport(year: $y, quarter: $q) { field kpiAttainment }
}"""


def _quarter_of(moment: datetime) -> tuple[int, int]:
    local = moment.astimezone(CAL.tz)
    return local.year, (local.month - 1) // 3 + 1


async def _routed_days_ago(agenda_id: int, days: int) -> datetime:
    """The agenda arrived ``days`` calendar days ago: its routing and its due date move with it."""
    routed = datetime.now(timezone.utc) - timedelta(days=days)
    await Agenda.filter(id=agenda_id).update(routed_at=routed, created_at=routed,
                                             answer_due_at=CAL.add_working_days(routed, 14).astimezone(timezone.utc))
    return routed


async def _decide(viewer, agenda_id: int, decision=triage.Decision.ACCEPT, reason=None) -> Agenda:
    agenda = await Agenda.get(id=agenda_id)
    return await triage.triage(viewer, agenda_id, agenda.version, decision, reason=reason)


async def test_on_time_rate_and_median_working_days_per_department(gql, client):
    world = await build_world(gql)
    t = world.tokens
    transport = await viewer_for(await User.get(email="bus@seoul.go.kr"))
    welfare = await viewer_for(await User.get(email="care@seoul.go.kr"))
    ids = {}
    for key, title in (("quick", "저상버스 정류장 경사판 안내"), ("week", "저상버스 예약 앱 개선"),
                       ("late", "저상버스 야간 노선 확대 🚌"), ("asked", "저상버스 안내 방송 추가")):
        ids[key] = int((await propose(gql, t["citizen"], title=title))["agenda"]["id"])
    care = int((await propose(gql, t["citizen2"], title="어르신 돌봄 이웃 매칭 照護",
                              body="혼자 사는 어르신과 이웃 돌봄 봉사자를 연결해 주세요. 照護 服務."))["agenda"]["id"])
    assert {a.owner_department_id for a in await Agenda.filter(id__in=list(ids.values()))} == {
        (await Agenda.get(id=ids["quick"])).owner_department_id}

    # Transport decides one the day it arrives, one after a week, and lets one run 40 days: the
    # tick escalates that one, so deciding it afterwards is late whatever the clock says.
    routed_week = await _routed_days_ago(ids["week"], 7)
    routed_late = await _routed_days_ago(ids["late"], 40)
    assert (await tick(datetime.now(timezone.utc))).escalated == 1
    assert (await Agenda.get(id=ids["late"])).overdue
    decided = {}
    for key in ("quick", "week", "late"):
        decided[key] = await _decide(transport, ids[key], triage.Decision.REJECT if key == "late" else triage.Decision.ACCEPT,
                                     reason="노선 조정 계획과 겹칩니다." if key == "late" else None)
    # A question is not a decision: it does not count.
    await _decide(transport, ids["asked"], triage.Decision.NEEDS_INFO, reason="어느 정류장인지 알려 주세요.")
    # Welfare decided its agenda last quarter, on time.
    await _decide(welfare, care)
    year, quarter = _quarter_of(decided["quick"].decided_at)
    prev_year, prev_quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    last_quarter_end = quarter_bounds(year, quarter, "Asia/Seoul")[0] - timedelta(days=3)
    await Agenda.filter(id=care).update(routed_at=last_quarter_end - timedelta(days=2), decided_at=last_quarter_end)

    days_week = CAL.working_days_between(routed_week, decided["week"].decided_at)
    days_late = CAL.working_days_between(routed_late, decided["late"].decided_at)
    assert 0 < days_week < days_late  # so the median is the week-old agenda's days, not a mean

    data = (await gql(TIMELINESS, {"y": year, "q": quarter}, token=t["officer"]))["data"]["ownerTimeliness"]
    assert data == [{"owner": {"kind": "DEPARTMENT", "department": {"code": "TRANSPORT", "name": "도시교통실"}},
                     "decisions": 3, "decidedOnTime": 2, "onTimeRate": 2 / 3,
                     "medianWorkingDaysToDecision": float(days_week)}]
    previous = (await gql(TIMELINESS, {"y": prev_year, "q": prev_quarter}, token=t["officer"]))["data"]["ownerTimeliness"]
    assert [(r["owner"]["department"]["code"], r["decisions"], r["onTimeRate"]) for r in previous] == [("WELFARE", 1, 1.0)]

    # Citizens do not read the city's working papers.
    denied = await gql(TIMELINESS, {"y": year, "q": quarter}, token=t["citizen"])
    assert denied["data"] is None and denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    bad = await gql(TIMELINESS, {"y": year, "q": 5}, token=t["officer"])
    assert bad["data"] is None and bad["errors"][0]["extensions"]["code"] == "INVALID"

    # The research team downloads the same numbers as a spreadsheet, formula-safe and in whole units.
    await accounts.create_user(email="expert@univ.ac.kr", password=PASSWORD, display_name="연구단 전문가",
                               role=Role.RESEARCHER)
    researcher = (await gql(LOGIN, {"e": "expert@univ.ac.kr", "p": PASSWORD}))["data"]["login"]["token"]
    r = await client.get(f"/reports/performance.csv?year={year}&quarter={quarter}",
                         headers={"Authorization": f"Bearer {researcher}"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert f'performance-{year}-Q{quarter}.csv' in r.headers["content-disposition"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    owner_rows = rows[[i for i, row in enumerate(rows) if row and row[0].startswith("담당")][0] + 1:]
    assert owner_rows == [["도시교통실", "TRANSPORT", "3", "2", "67", str(days_week)]]
    field_row = next(row for row in rows if len(row) > 1 and row[1] == "PARTICIPATION_PUBLIC_SERVICE")
    assert field_row[2] == "5"  # every agenda of the field, whatever its owner

    assert (await client.get(f"/reports/performance.csv?year={year}&quarter={quarter}")).status_code == 401
    citizen = await client.get(f"/reports/performance.csv?year={year}&quarter={quarter}",
                               headers={"Authorization": f"Bearer {t['citizen']}"})
    assert citizen.status_code == 403 and citizen.json()["error"]["code"] == "FORBIDDEN"
    assert "성과 보고서" in citizen.json()["error"]["message"]
    for query, code in (("year=이천이십육&quarter=1", "INVALID"), (f"year={year}&quarter=5", "INVALID"), ("", "INVALID")):
        bad = await client.get(f"/reports/performance.csv?{query}", headers={"Authorization": f"Bearer {researcher}"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == code
    english = await client.get(f"/reports/performance.csv?year={year}&quarter=9",
                               headers={"Authorization": f"Bearer {researcher}", "Accept-Language": "en"})
    assert english.json()["error"]["message"] == "Ask for a year between 2000 and 2100 and a quarter 1–4."
    assert "분기" in (await client.get(f"/reports/performance.csv?year={year}&quarter=9",
                                      headers={"Authorization": f"Bearer {researcher}"})).json()["error"]["message"]


async def _in_2025(agenda_id: int, when: datetime, since_event: int = 0) -> int:
    """Everything written about the agenda since event ``since_event`` happened at ``when``."""
    await AgendaEvent.filter(agenda_id=agenda_id, id__gt=since_event).update(created_at=when)
    await PlanRevision.filter(saved_at__gt=when).update(saved_at=when)
    last = await AgendaEvent.filter(agenda_id=agenda_id).order_by("-id").first()
    return last.id


async def test_a_past_quarter_reads_the_plan_as_it_stood_then(gql, settings):
    world = await build_world(gql)
    t = world.tokens
    transport = await viewer_for(await User.get(email="bus@seoul.go.kr"))
    agenda_id = int((await propose(gql, t["citizen"]))["agenda"]["id"])
    await Agenda.filter(id=agenda_id).update(created_at=datetime(2025, 2, 3, 1, tzinfo=timezone.utc))
    await _decide(transport, agenda_id)

    # Q1 2025: the plan promises an app by 10 March and 100 monthly users; 20 so far.
    await plans.save_plan(transport, agenda_id, summary="3개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 3, 10)),
        plans.MilestoneInput("3개 노선 시범 운영", date(2025, 9, 30))],
        kpis=[plans.KpiInput("월 예약 이용자 👩‍🦽", "명", target=100, baseline=0, actual=20)])
    mark = await _in_2025(agenda_id, datetime(2025, 2, 10, 1, tzinfo=timezone.utc))
    # Q2 2025: the app is out, 80 users, and the pilot is renamed and moved.
    await plans.save_plan(transport, agenda_id, summary="5개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 3, 10), done=True),
        plans.MilestoneInput("5개 노선 시범 운영", date(2025, 5, 31))],
        kpis=[plans.KpiInput("월 예약 이용자 👩‍🦽", "명", target=100, baseline=0, actual=80)])
    await _in_2025(agenda_id, datetime(2025, 5, 12, 1, tzinfo=timezone.utc), mark)
    # Today: the pilot ran and the users doubled — this must not leak into 2025.
    await plans.save_plan(transport, agenda_id, summary="5개 노선 시범 운영 완료", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 3, 10), done=True),
        plans.MilestoneInput("5개 노선 시범 운영", date(2025, 5, 31), done=True)],
        kpis=[plans.KpiInput("월 예약 이용자 👩‍🦽", "명", target=100, baseline=0, actual=200)])
    assert await PlanRevision.filter(plan__agenda_id=agenda_id).count() == 3

    q1 = (await gql(PROGRESS, {"y": 2025, "q": 1}, token=t["officer"]))["data"]
    q2 = (await gql(PROGRESS, {"y": 2025, "q": 2}, token=t["officer"]))["data"]
    kpi = {q: next(r["kpiAttainment"] for r in d["performanceReport"] if r["field"] == "PARTICIPATION_PUBLIC_SERVICE")
           for q, d in (("q1", q1), ("q2", q2))}
    assert kpi == {"q1": 0.2, "q2": 0.8}
    assert [(m["title"], m["dueDate"], m["owner"]) for m in q1["workshopProgress"]["overdueMilestones"]] == [
        ("예약 앱 개발", "2025-03-10", "TRANSPORT")]
    assert [(m["title"], m["dueDate"]) for m in q2["workshopProgress"]["overdueMilestones"]] == [
        ("5개 노선 시범 운영", "2025-05-31")]
    # Before its first save the plan did not exist; between saves it reads the earlier one.
    assert await revisions.plans_as_of(datetime(2025, 2, 9, tzinfo=timezone.utc)) == {}
    april = (await revisions.plans_as_of(datetime(2025, 4, 1, tzinfo=timezone.utc)))[agenda_id]
    assert (april.summary, [k.actual for k in april.kpis]) == ("3개 노선 시범 운영", [20.0])
    # Today's numbers are today's.
    now_year, now_quarter = _quarter_of(datetime.now(timezone.utc))
    today = {r.field: r for r in await performance_report(settings, now_year, now_quarter)}
    assert today["PARTICIPATION_PUBLIC_SERVICE"].kpi_attainment == 1.0
    plan = (await gql("query($id: ID!) { agenda(id: $id) { plan { summary kpis { actual } } } }",
                      {"id": str(agenda_id)}, token=t["transport"]))["data"]["agenda"]["plan"]
    assert plan == {"summary": "5개 노선 시범 운영 완료", "kpis": [{"actual": 200.0}]}



# PostgreSQL only: rolling back to 0010 also reverses the later steps, and on SQLite Tortoise undoes
# 0013's unique constraint by rebuilding the agendas table, whose drop cascades to the plans. The
# product has no rollback command; the forward migration this test is about runs on SQLite everywhere else.
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_plans_saved_before_history_was_kept_become_their_first_revision(gql, settings):
    """The migration gives every existing plan its current state as its first revision, dated by
    when the plan was last saved, so past quarters after that date read it and earlier ones do not."""
    from tortoise.context import TortoiseContext
    from tortoise.migrations.api import migrate as tortoise_migrate

    from server import db

    world = await build_world(gql)
    transport = await viewer_for(await User.get(email="bus@seoul.go.kr"))
    agenda_id = int((await propose(gql, world.tokens["citizen"]))["agenda"]["id"])
    await _decide(transport, agenda_id)
    plan = await plans.save_plan(transport, agenda_id, summary="정류장 경사판 — 「시범」", milestones=[
        plans.MilestoneInput("예약 앱 개발 🚌", date(2025, 3, 10), done=True)],
        kpis=[plans.KpiInput("월 예약 이용자", "명", target=100, baseline=10, actual=55.5)])
    saved = datetime(2025, 6, 2, 3, 0, tzinfo=timezone.utc)
    await type(plan).filter(id=plan.id).update(updated_at=saved)

    async with TortoiseContext():  # back to before plan history, then forward again
        await tortoise_migrate(config=db.tortoise_config(settings.database_url), target="agenda.0010_thesaurus")
    await db.migrate(settings.database_url)

    rev = await PlanRevision.get(plan_id=plan.id)
    assert rev.saved_at == saved and rev.saved_by_id is None
    state = (await revisions.plans_as_of(datetime(2025, 7, 1, tzinfo=timezone.utc)))[agenda_id]
    assert state.summary == "정류장 경사판 — 「시범」"
    assert [(m.title, m.due_date, m.done) for m in state.milestones] == [("예약 앱 개발 🚌", date(2025, 3, 10), True)]
    assert [(k.name, k.baseline, k.target, k.actual) for k in state.kpis] == [("월 예약 이용자", 10.0, 100.0, 55.5)]
    assert await revisions.plans_as_of(saved) == {}
    await db.migrate(settings.database_url)  # nothing pending: no second revision
    assert await PlanRevision.filter(plan_id=plan.id).count() == 1
