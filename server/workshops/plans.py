"""Execution plans (실행방안) of accepted agendas: milestones, KPIs, the responsible department and a
derived progress percentage. Saving a plan replaces its milestones and KPIs with what was sent (a
plan is edited as one form), keeps what it said as a revision (``revisions.py``: reports read a past
quarter's plan as it stood then), records the change in the agenda's history and re-announces the
agenda to search (progress is shown with it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from tortoise.transactions import in_transaction

from server.accountability import deadlines
from server.agendas import history
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer, can_view
from server.agendas.validation import clean_department_code, clean_text
from server.agendas.versioning import check_version, conflict, load_for_update
from server.errors import DomainError, ValidationErrors
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import ExecutionPlan, Kpi, Milestone
from server.workshops.policy import may_edit_plan
from server.workshops.progress import plan_progress
from server.workshops import revisions
from server.i18n import label as as_label
from server.i18n import msg


PLANNABLE = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED})
MAX_ITEMS = 50


@dataclass
class MilestoneInput:
    title: str
    due_date: date
    done: bool = False


@dataclass
class KpiInput:
    name: str
    unit: str
    target: float
    baseline: float = 0.0
    actual: float | None = None


async def save_plan(viewer: Viewer, agenda_id, *, summary: str = "", responsible_department_code: str | None = None,
                    milestones: list[MilestoneInput], kpis: list[KpiInput],
                    expected_version: int | None = None) -> ExecutionPlan:
    """Create or replace the plan. A plan is part of the agenda: saving it moves the agenda's version
    on, so two officials editing the plan at once — or one editing it while another decides — are
    told of each other (``expected_version``: the version the editor started from; without it, the
    version read here, which still guards the moment between reading and writing)."""
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    agenda = await load_for_update(agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such agenda.", "agendaId")
    existing = await ExecutionPlan.get_or_none(agenda_id=agenda.id)
    if not may_edit_plan(viewer, agenda, existing.responsible_department_id if existing else None):
        raise DomainError(C.FORBIDDEN, "Only the agenda's owner or its responsible department edits its plan.", "agendaId")
    if expected_version is not None:
        check_version(agenda, expected_version)
    if S(agenda.status) not in PLANNABLE:
        raise DomainError(C.NOT_ACCEPTED, "A plan is made once the agenda is accepted.", "agendaId")
    base_version = agenda.version if expected_version is None else expected_version

    errors: list[DomainError] = []

    def check(fn):
        try:
            return fn()
        except DomainError as exc:
            errors.append(exc)
            return None

    summary_ = (check(lambda: clean_text(summary, field="summary", lo=0, hi=5000, label="summary"))
                if (summary or "").strip() else "")
    dept = None
    code = check(lambda: clean_department_code(responsible_department_code, field="responsibleDepartmentCode"))
    if code:
        dept = await Department.get_or_none(code=code, is_active=True)
        if dept is None:
            errors.append(DomainError(C.UNKNOWN_DEPARTMENT, "No such active department.", "responsibleDepartmentCode"))
    if len(milestones) > MAX_ITEMS or len(kpis) > MAX_ITEMS:
        errors.append(DomainError(C.INVALID, msg("At most {max} milestones and {max} KPIs.", max=MAX_ITEMS), "milestones"))
    clean_milestones = []
    for i, m in enumerate(milestones):
        title = check(lambda: clean_text(m.title, field=f"milestones.{i}.title", lo=2, hi=200, label="milestone title",
                                         single_line=True))
        if not 2000 <= m.due_date.year <= 2100:
            errors.append(DomainError(C.INVALID, "Give a due date between 2000 and 2100.", f"milestones.{i}.dueDate"))
        clean_milestones.append((title, m.due_date, bool(m.done)))
    clean_kpis = []
    for i, k in enumerate(kpis):
        name = check(lambda: clean_text(k.name, field=f"kpis.{i}.name", lo=2, hi=200, label="KPI name", single_line=True))
        unit = check(lambda: clean_text(k.unit, field=f"kpis.{i}.unit", lo=1, hi=40, label="unit", single_line=True))
        for label, value in (("target", k.target), ("baseline", k.baseline), ("actual", k.actual)):
            if value is not None and (value != value or abs(value) > 1e12):  # NaN or absurd
                errors.append(DomainError(C.INVALID, msg("The {label} must be a finite number.", label=as_label(label)), f"kpis.{i}.{label}"))
        clean_kpis.append((name, unit, float(k.baseline), float(k.target), None if k.actual is None else float(k.actual)))
    if errors:
        raise ValidationErrors(errors)

    before = existing.progress if existing else None
    progress = plan_progress([m[2] for m in clean_milestones], [(b, t, a) for _, _, b, t, a in clean_kpis],
                             completed=agenda.status == S.COMPLETED.value)
    now = datetime.now(timezone.utc)
    async with in_transaction() as conn:
        moved = await Agenda.filter(id=agenda.id, version=base_version).using_db(conn).update(
            version=base_version + 1, updated_at=now, **deadlines.on_progress_update(agenda, now))
        if moved == 0:  # changed since it was read: nothing of this save is written
            current = await Agenda.filter(id=agenda.id).using_db(conn).values_list("version", flat=True)
            raise conflict(current[0] if current else base_version)
        if existing is None:
            plan = await ExecutionPlan.create(agenda_id=agenda.id, responsible_department_id=(dept.id if dept else agenda.owner_department_id),
                                              summary=summary_, progress=progress, using_db=conn)
        else:
            plan = existing
            plan.summary = summary_
            plan.progress = progress
            if dept is not None:
                plan.responsible_department_id = dept.id
            await plan.save(using_db=conn)
        done_before = {m.title: m.done_at for m in await Milestone.filter(plan_id=plan.id).using_db(conn)}
        await Milestone.filter(plan_id=plan.id).using_db(conn).delete()
        await Kpi.filter(plan_id=plan.id).using_db(conn).delete()
        for title, due, done in clean_milestones:
            await Milestone.create(plan_id=plan.id, title=title, due_date=due, done=done,
                                   done_at=(done_before.get(title) or now) if done else None, using_db=conn)
        for name, unit, baseline, target, actual in clean_kpis:
            await Kpi.create(plan_id=plan.id, name=name, unit=unit, baseline=baseline, target=target, actual=actual,
                             using_db=conn)
        await revisions.record(plan.id, revisions.snapshot(
            agenda_id=agenda.id, summary=summary_, responsible_department_id=plan.responsible_department_id,
            progress=progress, milestones=clean_milestones, kpis=clean_kpis),
            saved_at=now, saved_by_id=viewer.user.id, using_db=conn)
        await history.record(agenda.id, EventKind.PLAN_UPDATED, actor=viewer.user, reason=None,
                             data={"progress_from": before, "progress_to": progress,
                                   "milestones": len(clean_milestones), "kpis": len(clean_kpis)}, using_db=conn)
    return plan


async def refresh_progress(agenda: Agenda) -> None:
    """Completion sets a plan to 100 %; called when an agenda's status changes to COMPLETED."""
    plan = await ExecutionPlan.get_or_none(agenda_id=agenda.id)
    if plan is None:
        return
    milestones = await Milestone.filter(plan_id=plan.id).values_list("done", flat=True)
    kpis = await Kpi.filter(plan_id=plan.id).values_list("baseline", "target", "actual")
    plan.progress = plan_progress(milestones, kpis, completed=agenda.status == S.COMPLETED.value)
    await plan.save(update_fields=["progress", "updated_at"])


async def progress_by_agenda(agenda_ids: list[int]) -> dict[int, int]:
    """Plan progress of many agendas in one query (agendas without a plan are absent)."""
    return dict(await ExecutionPlan.filter(agenda_id__in=agenda_ids).values_list("agenda_id", "progress"))
