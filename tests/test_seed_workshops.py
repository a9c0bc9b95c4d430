"""The demo's year of execution, so that a new user sees the progress views filled: seeding tells the
previous calendar year and the current year's started quarters — workshops, plans, reviews, cases —
through the product's own functions, with the history dated across those quarters so that the
facilitator's and the research team's reports, computed as of a quarter's end, have something to
show."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from demo.accounts import FACILITATOR_EMAIL, RESEARCHER_EMAIL
from demo.agendas import DEMO_AGENDAS
from demo.execution import DEMO_WORKSHOP_PLACES
from demo.city import IDEMPOTENCY_PREFIX
from demo.seeder import seed_demo
from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas.models import Agenda, AgendaEvent, Department
from server.workshops.models import (ActionItem, ExecutionPlan, InnovationCase, Kpi, Milestone, Review, Workshop,
                                     WorkshopItem, WorkshopParticipant)
from server.workshops.reports import performance_report, quarter_bounds, workshop_progress

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PURPOSES = {"DISCOVERY", "PLAN_REVIEW", "PROGRESS_CHECK", "OUTCOME_SHARING"}
AFFILIATIONS = {"OFFICIAL", "EXPERT", "CIVIC_GROUP"}


def _calendar(settings) -> tuple[int, int, int, datetime]:
    """(previous year, current year, current quarter, now) in the city's time zone."""
    now = datetime.now(timezone.utc)
    local = now.astimezone(ZoneInfo(settings.timezone))
    return local.year - 1, local.year, (local.month - 1) // 3 + 1, now


async def _seed(settings):
    started = time.perf_counter()
    report = await seed_demo(settings)
    print(f"\nseeding with the year of execution took {time.perf_counter() - started:.2f}s: {report.notes[0]}")
    return report


async def test_a_year_of_workshops_fills_the_progress_views(app, settings):
    report = await _seed(settings)
    last_year, year, quarter, now = _calendar(settings)
    zone = ZoneInfo(settings.timezone)
    today = now.astimezone(zone).date()

    # ---- one workshop per quarter: the previous year and the started quarters of this one
    workshops = await Workshop.all().order_by("year", "quarter")
    expected = [(last_year, q) for q in (1, 2, 3, 4)] + [(year, q) for q in range(1, quarter + 1)]
    assert [(w.year, w.quarter) for w in workshops] == expected
    assert report.workshops == len(workshops) >= 5
    facilitator = await User.get(email=FACILITATOR_EMAIL)
    for w in workshops:
        start, end = quarter_bounds(w.year, w.quarter, settings.timezone)
        assert start.date() <= w.held_on < end.date() and w.held_on <= today, (w.year, w.quarter)
        assert w.facilitator_id == facilitator.id
        assert HANGUL.search(w.title) and f"{w.year} {w.quarter}분기" in w.title
        assert w.place in DEMO_WORKSHOP_PLACES
        kinds = set(await WorkshopParticipant.filter(workshop_id=w.id).values_list("affiliation_type", flat=True))
        assert kinds == AFFILIATIONS, (w.year, w.quarter)
    assert len({w.title for w in workshops}) == len(workshops)
    items = await WorkshopItem.all().prefetch_related("agenda")
    assert {i.purpose for i in items} == PURPOSES
    assert all(i.agenda is not None for i in items)
    for i in items:
        if i.purpose == "PROGRESS_CHECK":  # checked while in progress, with that day's progress
            assert i.snapshot_status == "IN_PROGRESS" and 0 <= i.snapshot_progress < 100
        if i.purpose == "OUTCOME_SHARING":
            assert i.agenda.status == "COMPLETED"

    # ---- agendas found at the workshops: proposed there by the facilitator (channel WORKSHOP), routed as usual
    found = await Agenda.filter(channel="WORKSHOP")
    assert 2 <= len(found) <= 3 and report.workshop_agendas == len(found)
    assert sum(1 for a in found if HANGUL.search(a.title)) >= 2
    for a in found:
        assert a.proposer_id == facilitator.id and a.idempotency_key.startswith(IDEMPOTENCY_PREFIX)
        assert a.routing_reason and a.routing_explanation
        discovery = next(i for i in items if i.purpose == "DISCOVERY" and i.agenda_id == a.id)
        assert a.created_at == discovery.created_at  # proposed at the workshop itself
    assert report.agendas == len(DEMO_AGENDAS) == await Agenda.all().count()

    # ---- action items: some done (before now), some overdue
    actions = await ActionItem.all()
    done = [a for a in actions if a.done]
    assert done and all(a.done_at is not None and a.done_at <= now for a in done)
    assert any(not a.done and a.due_date < today for a in actions)

    # ---- a plan for every accepted, in-progress and completed demo agenda, saved by an owner
    demo = await Agenda.filter(idempotency_key__startswith=IDEMPOTENCY_PREFIX).prefetch_related("plan")
    plannable = [a for a in demo if a.status in ("ACCEPTED", "IN_PROGRESS", "COMPLETED")]
    assert len(plannable) >= 30 and report.plans == len(plannable)
    users = {u.id: u for u in await User.all().prefetch_related("departments")}
    progress, due_years = [], set()
    for a in plannable:
        plan = a.plan
        milestones = await Milestone.filter(plan_id=plan.id)
        kpis = await Kpi.filter(plan_id=plan.id)
        assert 2 <= len(milestones) <= 4 and 1 <= len(kpis) <= 2, a.idempotency_key
        due_years |= {m.due_date.year for m in milestones}
        if a.status == "COMPLETED":
            assert plan.progress == 100 and all(m.done for m in milestones)
            assert all(k.actual is not None for k in kpis)
        else:
            progress.append(plan.progress)
        for e in await AgendaEvent.filter(agenda_id=a.id, kind="PLAN_UPDATED"):
            actor = users[e.actor_id]
            if a.owner_kind == "INNOVATION_OFFICER":
                assert actor.role == Role.OFFICER
            else:
                assert actor.role == Role.STAFF and a.owner_department_id in {d.id for d in actor.departments}
    assert min(due_years) == last_year and max(due_years) >= year  # due dates across the year
    assert len(set(progress)) >= 5, progress  # progress varies
    assert min(progress) == 0 and max(progress) >= 50

    # ---- the research team: about eight reviews, cases from the programme, Korea and abroad
    researcher = await User.get(email=RESEARCHER_EMAIL)
    reviews = await Review.all()
    assert len(reviews) == report.reviews >= 6 and {r.reviewer_id for r in reviews} == {researcher.id}
    cases = await InnovationCase.all().prefetch_related("agenda")
    assert len(cases) == report.cases >= 3
    origins = Counter(c.origin for c in cases)
    assert origins["PROGRAMME"] >= 1 and origins["DOMESTIC"] >= 1 and origins["INTERNATIONAL"] >= 1
    assert all(c.agenda.status == "COMPLETED" for c in cases if c.origin == "PROGRAMME")
    assert any("Bologna" in c.title or "볼로냐" in c.title for c in cases)

    # ---- the history is dated over the year, in order: reports read it as of each quarter's end
    first_start, _ = quarter_bounds(last_year, 1, settings.timezone)
    events = await AgendaEvent.all().order_by("id").values_list("agenda_id", "created_at")
    last_at: dict[int, datetime] = {}
    for agenda_id, at in events:
        assert first_start <= at <= now
        assert at >= last_at.get(agenda_id, at), agenda_id  # ids and timestamps agree
        last_at[agenda_id] = at
    created = {a.id: a.created_at for a in await Agenda.all()}
    first_event = {}
    for agenda_id, at in events:
        first_event.setdefault(agenda_id, at)
    assert created == first_event
    assert len({at.astimezone(zone).date().replace(day=1) for _, at in events}) >= 8  # many months, not one day

    # ---- the facilitator's views: the previous year's last quarter and the current one
    for y, q in ((last_year, 4), (year, quarter)):
        p = await workshop_progress(settings, y, q)
        assert p.moved, (y, q)
        assert p.stalled and p.overdue_action_items, (y, q)
        assert {a.status for a in p.stalled} <= {"IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS"}
        existing = await Agenda.filter(created_at__lt=p.as_of).count()
        assert sum(n for *_, n in p.counts) == existing > 0
    p = await workshop_progress(settings, last_year, 4)
    assert p.overdue_milestones  # plans that stopped moving in the previous year's third quarter
    assert len(p.stalled) < len(p.moved)
    now_view = await workshop_progress(settings, year, quarter)
    dept_codes = dict(await Department.all().values_list("id", "code"))
    actual = Counter((a.status, a.field, dept_codes.get(a.owner_department_id)) for a in await Agenda.all())
    assert {(s, f, d): n for s, f, d, n in now_view.counts} == dict(actual)
    assert sum(n for *_, n in now_view.counts) == len(DEMO_AGENDAS)

    # ---- the research team's report for the previous year
    rows = await performance_report(settings, last_year, 4)
    assert any(r.completion_rate and r.kpi_attainment is not None for r in rows)
    assert any(r.median_days_to_completion for r in rows)
    assert sum(r.review_count for r in rows) >= 4


async def test_seeding_again_duplicates_no_workshop(app, settings):
    await _seed(settings)
    tables = (Workshop, WorkshopParticipant, WorkshopItem, ActionItem, ExecutionPlan, Milestone, Kpi, Review,
              InnovationCase, Agenda, AgendaEvent)

    async def counts():
        return {m.__name__: await m.all().count() for m in tables}

    before = await counts()
    stamps = await AgendaEvent.all().order_by("id").values_list("id", "created_at")
    again = await seed_demo(settings, force=True)
    assert not again.skipped and not again.created_anything, again
    assert await counts() == before
    assert await AgendaEvent.all().order_by("id").values_list("id", "created_at") == stamps  # nothing re-dated

    # A missing workshop is added back, in its quarter; the others are matched and left alone.
    last_year, _, _, _ = _calendar(settings)
    gone = await Workshop.get(year=last_year, quarter=2)
    await gone.delete()
    forced = await seed_demo(settings, force=True)
    assert (forced.workshops, forced.agendas, forced.plans, forced.reviews, forced.cases) == (1, 0, 0, 0, 0)
    keys = await Workshop.all().values_list("year", "quarter", "title")
    assert len(keys) == len(set(keys)) == before["Workshop"]
    back = await Workshop.get(year=last_year, quarter=2)
    kinds = await WorkshopParticipant.filter(workshop_id=back.id).values_list("affiliation_type", flat=True)
    assert set(kinds) == AFFILIATIONS
    start, end = quarter_bounds(last_year, 2, settings.timezone)
    assert start <= back.created_at < end
    discussed = await AgendaEvent.filter(kind="DISCUSSED_AT_WORKSHOP", id__gt=stamps[-1][0])
    assert discussed and all(start <= e.created_at < end for e in discussed)
    assert await Agenda.filter(idempotency_key__startswith=IDEMPOTENCY_PREFIX).count() == len(DEMO_AGENDAS)
