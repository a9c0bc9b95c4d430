"""A whole year of execution workshops (2025), told quarter by quarter, with the facilitator's and
the research team's numbers checked against values worked out by hand.

The product stamps events with the time they happen; to tell a year in one test we move each
step's events to the day it is meant to have happened (``on``), which is the only liberty taken."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from server.accounts import service as accounts
from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas import service as agenda_service
from server.agendas import triage
from server.agendas.models import Agenda, AgendaEvent
from server.agendas.policy import viewer_for
from server.workshops import plans, research, service
from server.workshops.models import Milestone, PlanRevision, Review
from server.workshops.reports import performance_report, workshop_progress
from tests.agenda_world import PASSWORD, build_world

KST = timezone.utc  # stamps below are written in UTC, well inside each quarter in Seoul too


async def on(when: datetime, agenda: Agenda | None = None, since: int = 0) -> int:
    """Move every event written since event id ``since`` (and the agenda's creation) to ``when``."""
    await AgendaEvent.filter(id__gt=since).update(created_at=when)
    await Milestone.filter(done_at__gt=when).update(done_at=when)
    await PlanRevision.filter(saved_at__gt=when).update(saved_at=when)
    if agenda is not None:
        await Agenda.filter(id=agenda.id).update(created_at=when)
    last = await AgendaEvent.all().order_by("-id").first()
    return last.id if last else 0


def t(month: int, day: int) -> datetime:
    return datetime(2025, month, day, 3, 0, tzinfo=KST)


@pytest.fixture
async def year(app, gql, settings):
    world = await build_world(gql)
    await accounts.create_user(email="facilitator@seoul.go.kr", password=PASSWORD, display_name="워크숍 진행자",
                               role=Role.FACILITATOR)
    await accounts.create_user(email="expert@univ.ac.kr", password=PASSWORD, display_name="연구단 전문가",
                               role=Role.RESEARCHER)
    v = {k: await viewer_for(await User.get(email=e)) for k, e in {
        "facilitator": "facilitator@seoul.go.kr", "researcher": "expert@univ.ac.kr", "transport": "bus@seoul.go.kr",
        "welfare": "care@seoul.go.kr", "citizen": "jiwoo@example.kr"}.items()}
    s = settings
    mark = 0

    # ---- Q1: the workshop discovers two agendas and reviews their plans; a citizen proposes a third.
    q1 = await service.create_workshop(v["facilitator"], year=2025, quarter=1, title="2025 1분기 서울혁신 실행워크숍",
                                       held_on=date(2025, 2, 10), place="서울시청 8층 다목적홀")
    await service.add_participant(v["facilitator"], q1.id, name="박서연", affiliation="도시교통실", affiliation_type="OFFICIAL")
    await service.add_participant(v["facilitator"], q1.id, name="이민호", affiliation="서울대 행정대학원", affiliation_type="EXPERT")
    await service.add_participant(v["facilitator"], q1.id, name="정하늘", affiliation="마을공동체 네트워크", affiliation_type="CIVIC_GROUP")
    found_a = await service.add_item(v["facilitator"], q1.id, purpose="DISCOVERY", settings=s, new_agenda=agenda_service.ProposalInput(
        title="저상버스 탑승 예약 서비스", body="휠체어 이용자가 저상버스를 예약하면 정류장에서 경사판을 준비합니다.",
        field="PARTICIPATION_PUBLIC_SERVICE"), decision="도시교통실이 기획안을 마련한다")
    found_b = await service.add_item(v["facilitator"], q1.id, purpose="DISCOVERY", settings=s, new_agenda=agenda_service.ProposalInput(
        title="어르신 돌봄 이웃 매칭", body="혼자 사는 어르신과 이웃 돌봄 봉사자를 연결하는 돌봄 매칭을 시작합니다.",
        field="PARTICIPATION_PUBLIC_SERVICE"))
    a = await Agenda.get(id=found_a.agenda_id)
    b = await Agenda.get(id=found_b.agenda_id)
    c = await agenda_service.propose(v["citizen"], agenda_service.ProposalInput(
        title="정류장 저상버스 안내 방송", body="저상버스가 도착하면 정류장에서 음성으로 알려 주는 안내 방송이 필요합니다.",
        field="HOUSING_SAFETY"), s)
    mark = await on(t(2, 10), a, mark)
    await Agenda.filter(id__in=[b.id, c.id]).update(created_at=t(2, 10))
    a = await triage.triage(v["transport"], a.id, 1, triage.Decision.ACCEPT)
    b = await triage.triage(v["welfare"], b.id, 1, triage.Decision.ACCEPT)
    await plans.save_plan(v["transport"], a.id, summary="3개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 4, 30)), plans.MilestoneInput("3개 노선 시범 운영", date(2025, 8, 31))],
        kpis=[plans.KpiInput("월 예약 이용자", "명", target=100, baseline=0, actual=0)])
    review_b = await service.add_item(v["facilitator"], q1.id, purpose="PLAN_REVIEW", settings=s, agenda_id=b.id,
                                      decision="복지정책실이 예산을 확보한다")
    await service.add_item(v["facilitator"], q1.id, purpose="PLAN_REVIEW", settings=s, agenda_id=a.id)
    mark = await on(t(2, 15), since=mark)  # accepted five days after they were found

    # ---- Q2: A is under way and checked; an action item is set for B.
    q2 = await service.create_workshop(v["facilitator"], year=2025, quarter=2, title="2025 2분기 실행워크숍",
                                       held_on=date(2025, 5, 20), place="서울혁신파크")
    a = await Agenda.get(id=a.id)  # the plan saved above moved its version on
    a = await triage.advance(v["transport"], a.id, a.version, "IN_PROGRESS")
    await plans.save_plan(v["transport"], a.id, summary="3개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 4, 30), done=True), plans.MilestoneInput("3개 노선 시범 운영", date(2025, 8, 31))],
        kpis=[plans.KpiInput("월 예약 이용자", "명", target=100, baseline=0, actual=40)])
    check_q2 = await service.add_item(v["facilitator"], q2.id, purpose="PROGRESS_CHECK", settings=s, agenda_id=a.id)
    await service.add_action(v["facilitator"], review_b.id, title="돌봄 매칭 예산 확보", owner="복지정책실", due_date=date(2025, 6, 30))
    mark = await on(t(5, 20), since=mark)

    # ---- Q3: A moves on (KPI 60); B has had nothing happen since February: stalled, its action overdue.
    q3 = await service.create_workshop(v["facilitator"], year=2025, quarter=3, title="2025 3분기 실행워크숍",
                                       held_on=date(2025, 8, 20), place="서울시청 시민청")
    await plans.save_plan(v["transport"], a.id, summary="3개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 4, 30), done=True), plans.MilestoneInput("3개 노선 시범 운영", date(2025, 8, 31))],
        kpis=[plans.KpiInput("월 예약 이용자", "명", target=100, baseline=0, actual=60)])
    await service.add_item(v["facilitator"], q3.id, purpose="PROGRESS_CHECK", settings=s, agenda_id=a.id)
    mark = await on(t(8, 20), since=mark)

    # ---- Q4: A is completed and shared as a case; the research team reviews it.
    q4 = await service.create_workshop(v["facilitator"], year=2025, quarter=4, title="2025 4분기 성과공유 워크숍",
                                       held_on=date(2025, 11, 20), place="서울혁신파크")
    await plans.save_plan(v["transport"], a.id, summary="3개 노선 시범 운영", milestones=[
        plans.MilestoneInput("예약 앱 개발", date(2025, 4, 30), done=True), plans.MilestoneInput("3개 노선 시범 운영", date(2025, 8, 31), done=True)],
        kpis=[plans.KpiInput("월 예약 이용자", "명", target=100, baseline=0, actual=100)])
    a = await Agenda.get(id=a.id)
    a = await triage.advance(v["transport"], a.id, a.version, "COMPLETED")
    await service.add_item(v["facilitator"], q4.id, purpose="OUTCOME_SHARING", settings=s, agenda_id=a.id,
                           decision="다른 자치구로 확산")
    mark = await on(t(11, 20), since=mark)
    await research.review(v["researcher"], a.id, scores={"INNOVATION": 4, "FEASIBILITY": 5, "IMPACT": 3,
                                                          "CITIZEN_PARTICIPATION": 4, "SUSTAINABILITY": 4},
                          opinion="교통약자의 이동권을 실질적으로 넓힌 사례입니다.")
    await Review.all().update(created_at=t(11, 25))
    case = await research.publish_case(v["transport"], title="저상버스 예약으로 넓힌 이동권", origin="PROGRAMME", agenda_id=a.id,
                                       summary="휠체어 이용자가 저상버스를 예약하고 기사가 경사판을 준비하는 서비스를 3개 노선에서 운영했다.",
                                       outcome="월 예약 이용자 100명", lessons="현장 기사 교육이 핵심")
    return {"world": world, "a": a, "b": b, "c": c, "case": case, "q2_check": check_q2, "settings": s}


async def test_q3_progress_shows_what_moved_what_stalled_and_what_is_overdue(year):
    s = year["settings"]
    p = await workshop_progress(s, 2025, 3)
    a, b, c = year["a"], year["b"], year["c"]
    # Moved since Q2: only A, whose progress went from 45 % (½ milestones, KPI 0.4) to 55 % (½, 0.6).
    assert [(m.agenda.id, m.from_status, m.to_status, m.from_progress, m.to_progress) for m in p.moved] == [
        (a.id, "IN_PROGRESS", "IN_PROGRESS", 45, 55)]
    # Stalled (no event for 60 days before 1 Oct): B (last touched 15 Feb) and C (proposed 10 Feb).
    assert [x.id for x in p.stalled] == sorted([b.id, c.id])
    # Overdue as of 30 Sep: A's second milestone (due 31 Aug) and B's action item (due 30 Jun).
    assert [(o.agenda.id, o.title, o.kind) for o in p.overdue_milestones] == [(a.id, "3개 노선 시범 운영", "MILESTONE")]
    assert [(o.agenda.id, o.title, o.owner) for o in p.overdue_action_items] == [(b.id, "돌봄 매칭 예산 확보", "복지정책실")]
    counts = {(st, f, d): n for st, f, d, n in p.counts}
    assert counts == {("IN_PROGRESS", "PARTICIPATION_PUBLIC_SERVICE", "TRANSPORT"): 1,
                      ("ACCEPTED", "PARTICIPATION_PUBLIC_SERVICE", "WELFARE"): 1,
                      ("IN_TRIAGE", "HOUSING_SAFETY", "TRANSPORT"): 1}  # C routes by its keyword 저상버스
    pps = next(f for f in p.fields if f.field == "PARTICIPATION_PUBLIC_SERVICE")
    # two agendas in the field; A moved; B stalled; only A has a plan, at 55 %
    assert (pps.total, pps.moved, pps.stalled, pps.average_progress) == (2, 1, 1, 55)


async def test_q2_progress_compares_with_q1(year):
    p = await workshop_progress(year["settings"], 2025, 2)
    a = year["a"]
    assert [(m.agenda.id, m.from_status, m.to_status, m.from_progress, m.to_progress) for m in p.moved] == [
        (a.id, "ACCEPTED", "IN_PROGRESS", 0, 45)]
    assert p.overdue_milestones == []  # the first milestone was done before its due date


async def test_q4_performance_report_per_field(year):
    rows = {r.field: r for r in await performance_report(year["settings"], 2025, 4)}
    pps = rows["PARTICIPATION_PUBLIC_SERVICE"]
    assert pps.by_status == {"COMPLETED": 1, "ACCEPTED": 1}
    assert pps.completion_rate == 0.5                  # A completed of A and B accepted
    assert pps.median_days_to_acceptance == 5.0        # both found 10 Feb, accepted 15 Feb
    assert pps.median_days_to_completion == 283.0      # A: 10 Feb → 20 Nov 2025
    assert pps.kpi_attainment == 1.0                   # 100 of 100 bookings
    assert (pps.review_count, pps.average_review_score) == (1, 4.0)  # (4+5+3+4+4)/5
    housing = rows["HOUSING_SAFETY"]
    assert housing.by_status == {"IN_TRIAGE": 1} and housing.completion_rate is None


async def test_the_year_through_graphql(year, gql):
    tokens = year["world"].tokens
    fac = (await gql('mutation { login(email: "facilitator@seoul.go.kr", password: "%s") { token } }' % PASSWORD))
    token = fac["data"]["login"]["token"]
    ws = await gql("""{ workshops(year: 2025) { quarter title participants { affiliationType }
                        items { purpose snapshotStatus snapshotProgress agenda { title } actionItems { title done } } } }""",
                   token=token)
    workshops = ws["data"]["workshops"]
    assert [w["quarter"] for w in workshops] == [1, 2, 3, 4]
    assert [p["affiliationType"] for p in workshops[0]["participants"]] == ["OFFICIAL", "EXPERT", "CIVIC_GROUP"]
    q2 = workshops[1]["items"][0]
    assert (q2["purpose"], q2["snapshotStatus"], q2["snapshotProgress"]) == ("PROGRESS_CHECK", "IN_PROGRESS", 45)
    progress = await gql("{ workshopProgress(year: 2025, quarter: 3) { moved { agenda { title } fromProgress toProgress } "
                         "stalled { title } overdueActionItems { title owner } } }", token=token)
    data = progress["data"]["workshopProgress"]
    assert data["moved"] == [{"agenda": {"title": "저상버스 탑승 예약 서비스"}, "fromProgress": 45, "toProgress": 55}]
    assert data["overdueActionItems"] == [{"title": "돌봄 매칭 예산 확보", "owner": "복지정책실"}]
    # The discovered agenda carries channel WORKSHOP, its plan is public, and the case library shows it.
    a = await gql('query($id: ID!) { agenda(id: $id) { channel plan { progress milestones { done } kpis { attainment } } } }',
                  {"id": str(year["a"].id)})
    assert a["data"]["agenda"] == {"channel": "WORKSHOP", "plan": {"progress": 100, "milestones": [{"done": True}, {"done": True}],
                                                                   "kpis": [{"attainment": 1.0}]}}
    cases = await gql("{ cases { title origin agenda { title } } }")
    assert cases["data"]["cases"] == [{"title": "저상버스 예약으로 넓힌 이동권", "origin": "PROGRAMME",
                                       "agenda": {"title": "저상버스 탑승 예약 서비스"}}]
    # Citizens don't read the city's working papers.
    denied = await gql("{ workshopProgress(year: 2025, quarter: 3) { asOf } }", token=tokens["citizen"])
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_facilitator_prints_the_progress_sheet(year, client, gql):
    from server.workshops.models import Workshop

    token = (await gql('mutation { login(email: "facilitator@seoul.go.kr", password: "%s") { token } }' % PASSWORD)
             )["data"]["login"]["token"]
    q1 = await Workshop.get(year=2025, quarter=1)
    r = await client.get(f"/workshops/{q1.id}/progress.csv", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith("\ufeff".encode("utf-8"))
    import csv, io

    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][0].startswith("2025 1분기 서울혁신 실행워크숍")
    assert "정하늘 (마을공동체 네트워크)" in rows[1][0]
    header, body = rows[3], rows[4:]
    assert header[0] == "구분 Purpose" and len(body) == 4
    review_b = next(r for r in body if r[2] == "어르신 돌봄 이웃 매칭" and r[0].startswith("기획안 토론"))
    assert review_b[7] == "복지정책실이 예산을 확보한다" and "돌봄 매칭 예산 확보 — 복지정책실, 2025-06-30" in review_b[9]
    # staff only, and a clear answer for the rest
    citizen = year["world"].tokens["citizen"]
    assert (await client.get(f"/workshops/{q1.id}/progress.csv", headers={"Authorization": f"Bearer {citizen}"})).status_code == 403
    assert (await client.get(f"/workshops/{q1.id}/progress.csv")).status_code == 401
    assert (await client.get("/workshops/999999/progress.csv", headers={"Authorization": f"Bearer {token}"})).status_code == 404


@pytest.mark.parametrize("who, call, code", [
    ("citizen", "create", "FORBIDDEN"),
    ("transport", "create", "FORBIDDEN"),
    ("facilitator", "bad_quarter", "INVALID"),
    ("facilitator", "date_outside", "INVALID"),
    ("facilitator", "no_agenda", "REQUIRED"),
    ("facilitator", "unknown_workshop", "NOT_FOUND"),
    ("citizen", "plan", "FORBIDDEN"),
    ("transport", "plan_not_accepted", "NOT_ACCEPTED"),
    ("citizen", "review", "FORBIDDEN"),
    ("researcher", "bad_scores", "INVALID"),
])
@pytest.mark.postgres_first_row
async def test_bad_execution_input_is_refused_and_writes_nothing(app, gql, settings, who, call, code):
    from server.errors import DomainError, ValidationErrors
    from server.workshops.models import ExecutionPlan, Review, Workshop, WorkshopItem

    await build_world(gql)
    await accounts.create_user(email="facilitator@seoul.go.kr", password=PASSWORD, display_name="진행자", role=Role.FACILITATOR)
    await accounts.create_user(email="expert@univ.ac.kr", password=PASSWORD, display_name="전문가", role=Role.RESEARCHER)
    emails = {"citizen": "jiwoo@example.kr", "transport": "bus@seoul.go.kr", "facilitator": "facilitator@seoul.go.kr",
              "researcher": "expert@univ.ac.kr"}
    viewer = await viewer_for(await User.get(email=emails[who]))
    agenda = await agenda_service.propose(await viewer_for(await User.get(email="jiwoo@example.kr")),
                                          agenda_service.ProposalInput(title="저상버스 안내 개선 제안", body="저상버스 정류장 안내를 더 알기 쉽게 바꿔 주세요.",
                                                                       field="HOUSING_SAFETY"), settings)
    fac = await viewer_for(await User.get(email="facilitator@seoul.go.kr"))
    ws = await service.create_workshop(fac, year=2025, quarter=1, title="기존 워크숍", held_on=date(2025, 2, 1), place="시청")
    calls = {
        "create": lambda: service.create_workshop(viewer, year=2025, quarter=2, title="워크숍", held_on=date(2025, 5, 1), place="시청"),
        "bad_quarter": lambda: service.create_workshop(viewer, year=2025, quarter=5, title="워크숍", held_on=date(2025, 5, 1), place="시청"),
        "date_outside": lambda: service.create_workshop(viewer, year=2025, quarter=2, title="워크숍", held_on=date(2025, 9, 1), place="시청"),
        "no_agenda": lambda: service.add_item(viewer, ws.id, purpose="PROGRESS_CHECK", settings=settings),
        "unknown_workshop": lambda: service.add_item(viewer, 424242, purpose="PROGRESS_CHECK", settings=settings, agenda_id=agenda.id),
        "plan": lambda: plans.save_plan(viewer, agenda.id, milestones=[], kpis=[]),
        "plan_not_accepted": lambda: plans.save_plan(viewer, agenda.id, milestones=[], kpis=[]),
        "review": lambda: research.review(viewer, agenda.id, scores={c: 3 for c in research.CRITERIA}, opinion="좋은 제안입니다 정말로"),
        "bad_scores": lambda: research.review(viewer, agenda.id, scores={"INNOVATION": 9}, opinion="좋은 제안입니다 정말로"),
    }
    with pytest.raises((DomainError, ValidationErrors)) as exc:
        await calls[call]()
    errors = exc.value.errors if isinstance(exc.value, ValidationErrors) else [exc.value]
    assert code in [e.code.value for e in errors]
    assert await Workshop.all().count() == 1 and await WorkshopItem.all().count() == 0
    assert await ExecutionPlan.all().count() == 0 and await Review.all().count() == 0


async def test_workshops_and_cases_are_searchable(year, app, gql):
    await app.state.indexer.drain_all()
    cases = await gql('{ searchCases(query: "저상버스") { cases { title origin } fieldFacets { value count } degraded } }')
    found = cases["data"]["searchCases"]
    assert found["degraded"] is False
    assert found["cases"] == [{"title": "저상버스 예약으로 넓힌 이동권", "origin": "PROGRAMME"}]
    assert found["fieldFacets"] == [{"value": "PARTICIPATION_PUBLIC_SERVICE", "count": 1}]
    token = (await gql('mutation { login(email: "facilitator@seoul.go.kr", password: "%s") { token } }' % PASSWORD)
             )["data"]["login"]["token"]
    ws = await gql('{ searchWorkshops(query: "돌봄 매칭", year: 2025) { workshops { quarter } degraded } }', token=token)
    assert ws["data"]["searchWorkshops"] == {"workshops": [{"quarter": 1}], "degraded": False}
    q4 = await gql('{ searchWorkshops(query: "", year: 2025, quarter: 4) { workshops { title } } }', token=token)
    assert q4["data"]["searchWorkshops"]["workshops"] == [{"title": "2025 4분기 성과공유 워크숍"}]
    anonymous = await gql('{ searchWorkshops(query: "돌봄") { degraded } }')
    assert anonymous["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    fifth = await gql('{ searchWorkshops(query: "", quarter: 5) { degraded } }', token=token)
    assert fifth["errors"][0]["extensions"] == {"code": "INVALID", "field": "quarter"}


async def test_the_database_finds_the_same_cases_and_workshops_while_the_index_is_away(year, app):
    from server.search import fallback
    from server.search.registry import SPECS
    from server.workshops import search as workshop_search

    await app.state.indexer.drain_all()
    cases = await workshop_search.search_cases(app.state.search, "저상버스", fields=[], origins=["PROGRAMME"])
    db_cases = await fallback.search_topic(SPECS["case"].model, "저상버스", {"origin": ["PROGRAMME"]},
                                           ("title", "summary"), 20)
    assert [c.id for c in cases.rows] == db_cases.ids and db_cases.degraded and len(db_cases.ids) == 1
    facilitator = await viewer_for(await User.get(email="facilitator@seoul.go.kr"))
    q4 = await workshop_search.search_workshops(app.state.search, facilitator, "", year=2025, quarter=4)
    db_q4 = await fallback.search_topic(SPECS["workshop"].model, "", {"year": [2025], "quarter": [4]}, ("title", "place"), 20)
    assert [w.id for w in q4.rows] == db_q4.ids and len(db_q4.ids) == 1


async def test_one_case_by_id_for_anyone(year, gql):
    """The case page's query: a published case by id, readable without an account; an unknown or
    malformed id is simply null."""
    case = year["case"]
    data = (await gql('query($id: ID!) { case(id: $id) { id title origin outcome agenda { title } } }', {"id": str(case.id)}))["data"]
    assert data["case"] == {"id": str(case.id), "title": "저상버스 예약으로 넓힌 이동권", "origin": "PROGRAMME",
                            "outcome": "월 예약 이용자 100명", "agenda": {"title": "저상버스 탑승 예약 서비스"}}
    for missing in ("999999", "0", "-3", "abc", "99999999999"):
        result = await gql('query($id: ID!) { case(id: $id) { id } }', {"id": missing})
        assert result["data"]["case"] is None and not result.get("errors"), missing
