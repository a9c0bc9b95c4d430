"""A year of execution, told over the demo agendas this run creates: the previous calendar year and
the started quarters of the current one. Each agenda is proposed, decided, started and completed in the
quarters :data:`~demo.execution.DEMO_TIMELINE` gives; accepted, in-progress and completed agendas get
an execution plan that their owner updates quarter by quarter; every quarter has an execution
workshop (participants, items of the four purposes, action items) — the demo's agendas of channel
WORKSHOP are proposed there, as its DISCOVERY items —; the research team reviews agendas and
publishes cases.

Reports compute everything from history timestamps, so after each step the rows it wrote (events,
creation, done and review times) are dated to the moment of the quarter the step stands for — the
only liberty taken, as in ``tests/test_workshops_year.py``. Steps run in date order, so history ids
and timestamps agree. With ``force``, workshops are matched by (year, quarter, title), reviews by
(agenda, reviewer), cases by title; only agendas this run creates have their history told (and
dated) over the year, and an existing plannable agenda without a plan gets one, dated now.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from demo import execution
from demo.accounts import DEMO_STAFF, FACILITATOR_EMAIL, OFFICER_EMAIL, RESEARCHER_EMAIL
from demo.agendas import DEMO_AGENDAS, DemoAgenda
from demo.city import IDEMPOTENCY_PREFIX, STEPS, CitySeeder
from demo.departments import DEPARTMENTS
from demo.execution import DemoParticipant, DemoPlan
from server.accountability.calendar import calendar_for
from server.accounts.roles import Role
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, AgendaEvent, Follow, Support
from server.agendas.routing import OwnerKind
from server.agendas.triage import Decision
from server.workshops import plans as plan_service
from server.workshops import research
from server.workshops import service as workshop_service
from server.workshops.models import (ActionItem, ExecutionPlan, InnovationCase, Milestone, PlanRevision, Review, Workshop,
                                     WorkshopItem)
from server.workshops.reports import quarter_bounds

# When within a quarter (as a share of its elapsed span: a whole past quarter, or the current one
# up to now) each step happens: new agendas are proposed; owners decide and update their plans; the
# workshop meets; its follow-up (action items done, agendas found there decided, reviews, cases).
# The steps sit late enough that an agenda proposed or updated in a quarter has not been idle for 60
# days (the default AGENDA_STALLED_DAYS) at its end: what the reports call stalled is what the
# timeline leaves waiting.
_PROPOSE, _WORK, _WORKSHOP, _FOLLOW_UP = 0.4, 0.5, 0.62, 0.78
# How far along its plan an in-progress agenda is by now, by its position in DEMO_AGENDAS.
_REACH = (0.6, 0.45, 0.75, 0.55, 0.35, 0.7)
# Where a completed agenda's KPIs ended, as a share of the way from baseline to target.
_FINAL_KPI = (1.0, 0.9, 1.1)
# The tables whose rows a step writes; their timestamps are moved to the step's moment.
_STAMPED = (Agenda, AgendaEvent, Support, Follow, ExecutionPlan, PlanRevision, Workshop, WorkshopItem, Review,
            InnovationCase)
_PLANNABLE = (S.ACCEPTED.value, S.IN_PROGRESS.value, S.COMPLETED.value)
_DECIDED = {Decision.ACCEPT: S.ACCEPTED, Decision.REJECT: S.REJECTED, Decision.NEEDS_INFO: S.NEEDS_INFO}


def _path(status: str) -> list[str]:
    """The statuses a demo agenda passes through, from IN_TRIAGE to its listed status."""
    return [S.IN_TRIAGE.value] + [(_DECIDED[arg] if action == "triage" else arg).value
                                  for _, (action, arg) in STEPS.get(status, [])]


@dataclass
class _Entry:
    """A demo agenda and its timeline."""

    item: DemoAgenda
    index: int
    path: list[str]           # statuses from IN_TRIAGE to the listed status
    quarters: list[int]       # the story quarter in which it reaches each of them
    last_update: int          # the last story quarter its plan is updated in
    idle: bool                # left to stall: waiting in triage or for information, or its plan no longer updated
    agenda: Agenda | None = None
    story: bool = False       # created by this run: its history is told over the year
    saved: tuple | None = None  # the plan state last saved by this run

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def idempotency_key(self) -> str:
        return IDEMPOTENCY_PREFIX + self.item.key

    @property
    def found_at_workshop(self) -> bool:
        """Proposed at a workshop, by its facilitator (a DISCOVERY item)."""
        return self.item.channel == "WORKSHOP" and self.item.proposer == FACILITATOR_EMAIL

    def status_at(self, k: int) -> str | None:
        status = None
        for st, q in zip(self.path, self.quarters):
            if q <= k:
                status = st
        return status

    def q(self, step: int) -> int:
        """The quarter of the ``step``-th status of the path (proposed, decided, started, completed);
        the last one for an agenda whose path is shorter."""
        return self.quarters[min(step, len(self.quarters) - 1)]


class Year:
    """The previous calendar year and the current year's started quarters, quarter by quarter.

    Story quarter ``k`` is the ``k``-th quarter from Q1 of the previous year. Each quarter runs four
    steps (:data:`_PROPOSE` … :data:`_FOLLOW_UP`) in order; after each, the rows it wrote are dated
    to its moment (:meth:`stamp`). Only agendas this run creates are proposed and moved here (the
    rest of the seeder then finds them at their listed status); workshops, reviews and cases are
    created when missing, whoever created the agendas they are about."""

    def __init__(self, seeder: CitySeeder, now: datetime | None = None) -> None:
        self.seeder = seeder
        self.report = seeder.report
        self.settings = seeder.settings
        self.zone = ZoneInfo(seeder.settings.timezone)
        self.now = now or datetime.now(timezone.utc)
        local = self.now.astimezone(self.zone)
        self.first_year = local.year - 1
        current = (local.month - 1) // 3 + 1
        self.quarters = [(self.first_year, q) for q in (1, 2, 3, 4)] + [(local.year, q) for q in range(1, current + 1)]
        self.last = len(self.quarters) - 1
        self.entries: list[_Entry] = []
        for i, item in enumerate(DEMO_AGENDAS):
            path = _path(item.status)
            t = execution.DEMO_TIMELINE.get(item.key, execution.CURRENT_QUARTER)
            raw = (t.proposed, t.decided, t.started, t.completed)
            quarters, prev = [], self.resolve(raw[0])
            for j in range(len(path)):
                prev = max(prev, self.resolve(raw[j]) if j < 4 and raw[j] is not None else prev)
                quarters.append(prev)
            completed = path[-1] == S.COMPLETED.value
            if t.last_plan_update is not None:
                last_update = self.resolve(t.last_plan_update)
            else:
                last_update = quarters[-1] if completed else self.last
            idle = path[-1] in (S.IN_TRIAGE.value, S.NEEDS_INFO.value) or (not completed and last_update < self.last)
            self.entries.append(_Entry(item, i, path, quarters, last_update, idle))
        self.by_key = {e.key: e for e in self.entries}
        self.marks: dict = {}
        self.to_mark_done: list[int] = []  # action items set at this quarter's workshop, done at its follow-up
        self.done_now: list[int] = []

    # ------------------------------------------------------------------ time

    def resolve(self, v: int) -> int:
        k = v if v >= 0 else len(self.quarters) + v
        return min(max(k, 0), self.last)

    def at(self, k: int, share: float) -> datetime:
        year, q = self.quarters[k]
        start, end = quarter_bounds(year, q, self.settings.timezone)
        limit = min(end, self.now)
        return (start + (limit - start) * share).astimezone(timezone.utc)

    def due_date(self, k: int) -> date:
        """The last day of the middle month of story quarter ``k`` (which may lie in the future)."""
        year, month = self.first_year + k // 4, 3 * (k % 4) + 2
        return date(year, month, calendar.monthrange(year, month)[1])

    async def _marks(self) -> dict:
        marks = {}
        for model in _STAMPED:
            ids = await model.all().order_by("-id").limit(1).values_list("id", flat=True)
            marks[model] = ids[0] if ids else 0
        return marks

    async def stamp(self, k: int, share: float) -> None:
        """Date everything written since the last stamp to ``share`` of quarter ``k``."""
        when = self.at(k, share)
        m = self.marks
        events = await AgendaEvent.filter(id__gt=m[AgendaEvent]).values_list("agenda_id", "kind", "to_status")
        if events:
            await AgendaEvent.filter(id__gt=m[AgendaEvent]).update(created_at=when)
            changed = {a for a, kind, _ in events if kind != EventKind.DISCUSSED_AT_WORKSHOP.value}
            moved = {a for a, _, to in events if to}
            planned = {a for a, kind, to in events if kind == EventKind.PLAN_UPDATED.value or to == S.COMPLETED.value}
            if changed:
                await Agenda.filter(id__in=changed).update(updated_at=when)
            if moved:
                await Agenda.filter(id__in=moved).update(status_changed_at=when)
                await Agenda.filter(id__in=moved, routed_at__gt=when).update(routed_at=when)
                await self._decided_at(moved, when)
            if planned:
                plan_ids = await ExecutionPlan.filter(agenda_id__in=planned).values_list("id", flat=True)
                await ExecutionPlan.filter(id__in=plan_ids).update(updated_at=when)
                await Milestone.filter(plan_id__in=plan_ids, done_at__gt=when).update(done_at=when)
        await Agenda.filter(id__gt=m[Agenda]).update(created_at=when, updated_at=when, status_changed_at=when)
        for model in (Support, Follow, ExecutionPlan, Workshop, WorkshopItem):
            await model.filter(id__gt=m[model]).update(created_at=when)
        await PlanRevision.filter(id__gt=m[PlanRevision]).update(saved_at=when)
        await Review.filter(id__gt=m[Review]).update(created_at=when, updated_at=when)
        await InnovationCase.filter(id__gt=m[InnovationCase]).update(published_at=when)
        if self.done_now:
            await ActionItem.filter(id__in=self.done_now).update(done_at=when)
            self.done_now = []
        self.marks = await self._marks()

    async def _decided_at(self, agenda_ids: set[int], when: datetime) -> None:
        """Decisions move to the story's day, and whether they came on time is judged again against
        the answer deadline their (moved) routing date gives, as the product judged it live."""
        cal = calendar_for(self.settings)
        for aid, routed in await Agenda.filter(id__in=agenda_ids, decided_at__gt=when).values_list("id", "routed_at"):
            on_time = routed is None or when <= cal.add_working_days(routed, self.settings.answer_days)
            await Agenda.filter(id=aid).update(decided_at=when, decided_on_time=on_time)

    # ------------------------------------------------------------------ the story

    async def tell(self) -> None:
        await self.load()
        self.marks = await self._marks()
        for k in range(len(self.quarters)):
            for e in self.entries:
                if e.story and e.quarters[0] == k and not e.found_at_workshop:
                    await self.propose(e)
            await self.stamp(k, _PROPOSE)
            await self.progress(k)
            await self.stamp(k, _WORK)
            await self.workshop(k)  # proposes the agendas found there (DISCOVERY items)
            for e in self.entries:  # … or, when the workshop was there already, they are proposed anyway
                if e.story and e.quarters[0] == k and e.found_at_workshop and e.agenda is None:
                    await self.propose(e)
            await self.stamp(k, _WORKSHOP)
            await self.progress(k)
            await self.follow_up(k)
            await self.stamp(k, _FOLLOW_UP)

    async def load(self) -> None:
        ids = {email: u.id for email, u in self.seeder.users.items()}
        keys = [e.idempotency_key for e in self.entries]
        found = {(a.proposer_id, a.idempotency_key): a for a in await Agenda.filter(idempotency_key__in=keys)}
        for e in self.entries:
            e.agenda = found.get((ids.get(e.item.proposer), e.idempotency_key))
            e.story = e.agenda is None

    async def propose(self, e: _Entry) -> None:
        await self.seeder.agenda(e.item, upto=S.IN_TRIAGE.value)
        proposer = self.seeder.users[e.item.proposer]
        e.agenda = await Agenda.get(proposer_id=proposer.id, idempotency_key=e.idempotency_key)

    async def progress(self, k: int) -> None:
        """Owners bring the agendas this run tells to where they stand in quarter ``k`` and update
        their plans."""
        for e in self.entries:
            if not e.story or e.agenda is None:
                continue
            target = e.status_at(k)
            agenda = e.agenda
            if target is None:
                continue
            if target == S.COMPLETED.value and agenda.status != target:
                agenda = await self.seeder.transitions(agenda, e.item, S.IN_PROGRESS.value)
                await self.save_plan(e, agenda, k, completing=True)
                agenda = await self.seeder.transitions(agenda, e.item, S.COMPLETED.value)
            else:
                if agenda.status != target:
                    agenda = await self.seeder.transitions(agenda, e.item, target)
                await self.save_plan(e, agenda, k)
            e.agenda = agenda

    # ------------------------------------------------------------------ plans

    def plan_of(self, e: _Entry) -> DemoPlan:
        return execution.DEMO_PLANS.get(e.key, execution.DEFAULT_PLAN)

    @staticmethod
    def kpi_value(baseline: float, target: float, share: float) -> float:
        value = baseline + (target - baseline) * share
        if float(baseline).is_integer() and float(target).is_integer():
            return float(round(value))
        return round(value, 1)

    def plan_state(self, e: _Entry, status: str, k: int, completing: bool) -> tuple:
        """(milestones done, KPI actuals) of the plan in quarter ``k``."""
        plan = self.plan_of(e)
        n = len(plan.milestones)
        if completing or status == S.COMPLETED.value:
            reach = _FINAL_KPI[e.index % len(_FINAL_KPI)]
            return n, tuple(self.kpi_value(k.baseline, k.target, reach) for k in plan.kpis)
        if status == S.ACCEPTED.value:  # preparing: a milestone a quarter after acceptance, not the last one
            return min(n - 1, max(0, k - e.q(1))), tuple(None for _ in plan.kpis)
        started = e.q(2)
        if e.path[-1] == S.COMPLETED.value:
            share = min(1.0, (k - started + 1) / (e.q(3) - started + 1))
        else:
            share = _REACH[e.index % len(_REACH)] * (k - started + 1) / (max(self.last, started) - started + 1)
        done = min(n - 1, max(1, math.floor(share * n + 1e-9)))
        return done, tuple(self.kpi_value(kpi.baseline, kpi.target, min(1.0, share * (1.0, 0.8)[j % 2]))
                           for j, kpi in enumerate(plan.kpis))

    def due_dates(self, e: _Entry, n: int) -> list[date]:
        """Milestones fall due evenly from acceptance to the planned end: completion for completed
        agendas, two quarters after the last update for stalled ones, a quarter or two from now for
        the others."""
        accepted = e.q(1)
        final = e.path[-1]
        if final == S.COMPLETED.value:
            end = e.q(3)
        elif e.last_update < self.last:  # a plan that stops being updated was meant to be done soon
            end = e.last_update + 2
        elif final == S.IN_PROGRESS.value:
            end = self.last + 1 + e.index % 2
        else:
            end = self.last + 2 + e.index % 2
        end = max(end, accepted)
        return [self.due_date(accepted + math.ceil((i + 1) * (end - accepted) / n)) for i in range(n)]

    async def save_plan(self, e: _Entry, agenda: Agenda, k: int, *, completing: bool = False) -> None:
        if agenda.status not in _PLANNABLE or k > e.last_update:
            return
        state = self.plan_state(e, agenda.status, k, completing)
        if state == e.saved:
            return
        plan = self.plan_of(e)
        done, actuals = state
        owner = await self.seeder.viewer(await self.seeder.owner_email(agenda))
        await plan_service.save_plan(
            owner, agenda.id, summary=plan.summary,
            milestones=[plan_service.MilestoneInput(title, due, done=i < done)
                        for i, (title, due) in enumerate(zip(plan.milestones, self.due_dates(e, len(plan.milestones))))],
            kpis=[plan_service.KpiInput(kpi.name, kpi.unit, target=kpi.target, baseline=kpi.baseline, actual=actual)
                  for kpi, actual in zip(plan.kpis, actuals)])
        # Saving a plan moves the agenda's version on: the next transition starts from the new one.
        agenda.version = (await Agenda.filter(id=agenda.id).values_list("version", flat=True))[0]
        if e.saved is None:
            self.report.plans += 1
        self.report.plan_updates += 1
        e.saved = state

    # ------------------------------------------------------------------ workshops

    def owner_name(self, agenda: Agenda | None) -> str:
        if agenda is None:
            return "소관 부서"
        if agenda.owner_kind == OwnerKind.INNOVATION_OFFICER.value:
            return "사회혁신담당관"
        code = self.seeder.dept_codes.get(agenda.owner_department_id)
        return next((d.name_ko for d in DEPARTMENTS if d.code == code), "소관 부서")

    def participants(self, k: int, agendas: list[Agenda]) -> list[DemoParticipant]:
        """Officials of (up to three of) the departments whose agendas are on the table and the
        Social Innovation Officer; two experts and two civic groups, in turn."""
        people: list[DemoParticipant] = []
        codes: list[str] = []
        for a in agendas:
            code = self.seeder.dept_codes.get(a.owner_department_id)
            if code and code not in codes:
                codes.append(code)
        for code in codes[:3]:
            account = next((s for s in DEMO_STAFF if s.role == Role.STAFF.value and code in s.department_codes), None)
            if account is not None:
                name = account.display_name.partition(" (")[0]
                people.append(DemoParticipant(name, next(d.name_ko for d in DEPARTMENTS if d.code == code), "OFFICIAL"))
        officer = next(s for s in DEMO_STAFF if s.email == OFFICER_EMAIL)
        name, _, affiliation = officer.display_name.partition(" (")
        people.append(DemoParticipant(name, affiliation.rstrip(")") or "사회혁신담당관", "OFFICIAL"))
        for pool in (execution.DEMO_WORKSHOP_EXPERTS, execution.DEMO_WORKSHOP_CIVIC_GROUPS):
            people += [pool[(2 * k) % len(pool)], pool[(2 * k + 1) % len(pool)]]
        return people

    async def workshop(self, k: int) -> None:
        year, q = self.quarters[k]
        title = execution.DEMO_WORKSHOP_TITLES[q].format(year=year)
        if await Workshop.exists(year=year, quarter=q, title=title):
            return
        held_on = self.at(k, _WORKSHOP).astimezone(self.zone).date()
        facilitator = await self.seeder.viewer(FACILITATOR_EMAIL)
        live = {a.id: a for a in await Agenda.filter(id__in=[e.agenda.id for e in self.entries if e.agenda])}

        def status(e: _Entry) -> str | None:
            a = live.get(e.agenda.id) if e.agenda else None
            return a.status if a else None

        table: list[tuple[str, _Entry]] = [
            ("DISCOVERY", e) for e in self.entries if e.quarters[0] == k and e.found_at_workshop
            and (e.story or e.agenda is not None)]
        table += [("PLAN_REVIEW", e) for e in [
            e for e in self.entries if status(e) == S.ACCEPTED.value and e.q(1) == k][:3]]
        checks = [e for e in self.entries if status(e) == S.IN_PROGRESS.value and e.q(2) <= k <= e.last_update]
        if checks:
            first = (3 * k) % len(checks)
            checks = (checks[first:] + checks[:first])[:4]
        table += [("PROGRESS_CHECK", e) for e in checks]
        table += [("OUTCOME_SHARING", e) for e in self.entries
                  if status(e) == S.COMPLETED.value and e.path[-1] == S.COMPLETED.value and e.quarters[-1] == k]

        w = await workshop_service.create_workshop(
            facilitator, year=year, quarter=q, title=title, held_on=held_on,
            place=execution.DEMO_WORKSHOP_PLACES[k % len(execution.DEMO_WORKSHOP_PLACES)])
        self.report.workshops += 1
        on_table = [live[e.agenda.id] for _, e in table if e.agenda and e.agenda.id in live]
        for person in self.participants(k, on_table):
            await workshop_service.add_participant(facilitator, w.id, name=person.name, affiliation=person.affiliation,
                                                   affiliation_type=person.affiliation_type)
        actions = 0
        for purpose, e in table:
            agenda = live.get(e.agenda.id) if e.agenda else None
            texts = purpose
            if purpose == "PROGRESS_CHECK" and await Milestone.filter(
                    plan__agenda_id=agenda.id, done=False, due_date__lt=held_on).exists():
                texts = "PROGRESS_CHECK_LATE"
            minutes = execution.DEMO_ITEM_TEXTS[texts]
            new_agenda = await self.seeder.proposal(e.item) if agenda is None else None
            item = await workshop_service.add_item(
                facilitator, w.id, purpose=purpose, settings=self.settings,
                agenda_id=None if new_agenda else agenda.id, new_agenda=new_agenda, notes=minutes.notes,
                decision=minutes.decision.format(dept=self.owner_name(agenda)))
            self.report.workshop_items += 1
            if new_agenda is not None:  # proposed by the facilitator, at the workshop, then supported
                agenda = await Agenda.get(id=item.agenda_id)
                self.report.agendas += 1
                self.report.workshop_agendas += 1
                await self.seeder.supports(agenda, e.item)
                e.agenda = agenda = await Agenda.get(id=agenda.id)
            if purpose == "PROGRESS_CHECK" and texts != "PROGRESS_CHECK_LATE":
                continue
            todo = execution.DEMO_ACTIONS[purpose]
            action = await workshop_service.add_action(facilitator, item.id, title=todo.title,
                                                       owner=self.owner_name(agenda),
                                                       due_date=held_on + timedelta(days=todo.due_in_days))
            self.report.action_items += 1
            if not ((k + actions) % 3 == 0 or e.idle):
                self.to_mark_done.append(action.id)
            actions += 1

    async def follow_up(self, k: int) -> None:
        if self.to_mark_done:
            facilitator = await self.seeder.viewer(FACILITATOR_EMAIL)
            for action_id in self.to_mark_done:
                await workshop_service.set_action_done(facilitator, action_id, True)
            self.done_now, self.to_mark_done = self.to_mark_done, []
        researcher = await self.seeder.viewer(RESEARCHER_EMAIL)
        for r in execution.DEMO_REVIEWS:
            e = self.by_key.get(r.agenda_key)
            if e is None or e.agenda is None or max(self.resolve(r.quarter), e.quarters[0]) != k:
                continue
            if await Review.exists(agenda_id=e.agenda.id, reviewer_id=researcher.user.id):
                continue
            await research.review(researcher, e.agenda.id, scores=dict(zip(research.CRITERIA, r.scores)),
                                  opinion=r.opinion)
            self.report.reviews += 1
        for c in execution.DEMO_CASES:
            e = self.by_key.get(c.agenda_key) if c.agenda_key else None
            when = self.resolve(c.quarter)
            if c.agenda_key is not None:
                if e is None or e.agenda is None:
                    continue
                when = max(when, e.quarters[-1])
            if when != k or await InnovationCase.exists(title=c.title):
                continue
            viewer, agenda_id, policy_field = researcher, None, c.field
            if e is not None:
                agenda = await Agenda.get(id=e.agenda.id)
                if agenda.status != S.COMPLETED.value or await InnovationCase.exists(agenda_id=agenda.id):
                    self.report.notes.append(
                        f"case {c.title!r}: its agenda is {agenda.status} or already a case; not published")
                    continue
                viewer = await self.seeder.viewer(await self.seeder.owner_email(agenda))
                agenda_id, policy_field = agenda.id, None  # a programme case takes its agenda's field
            await research.publish_case(viewer, title=c.title, summary=c.summary, outcome=c.outcome,
                                        lessons=c.lessons, origin=c.origin, field=policy_field, place=c.place,
                                        agenda_id=agenda_id)
            self.report.cases += 1

    # ------------------------------------------------------------------ the end

    async def finish(self) -> None:
        """Plans for plannable demo agendas the story did not plan (created before it, e.g. by an
        older seeder), as they stand now; then the report's note."""
        ids = [e.agenda.id for e in self.entries if e.agenda is not None]
        fresh = {a.id: a for a in await Agenda.filter(id__in=ids)}
        planned = set(await ExecutionPlan.filter(agenda_id__in=ids).values_list("agenda_id", flat=True))
        for e in self.entries:
            agenda = fresh.get(e.agenda.id) if e.agenda else None
            if agenda is not None and agenda.status in _PLANNABLE and agenda.id not in planned:
                e.saved = None
                await self.save_plan(e, agenda, min(self.last, e.last_update))
        r = self.report
        if any((r.workshops, r.workshop_items, r.plans, r.plan_updates, r.reviews, r.cases)):
            (y0, _), (y1, q1) = self.quarters[0], self.quarters[-1]
            r.notes.append(
                f"execution {y0} Q1–{y1} Q{q1}: {r.workshops} workshop(s) with {r.workshop_items} items and "
                f"{r.action_items} action items ({r.workshop_agendas} agenda(s) found there), {r.plans} execution "
                f"plan(s) saved {r.plan_updates} times, {r.reviews} review(s), {r.cases} case(s); their history is "
                f"dated across those quarters")
