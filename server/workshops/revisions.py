"""A plan's history: every save writes a revision (a snapshot of the whole form) in the same
transaction as the save itself, so reports can read a plan as it stood at any moment.

Why snapshots and not valid-from/valid-to rows: a plan is edited as one form, and saving it replaces
its milestones and KPIs — a milestone has no identity from one save to the next (its title may
change, it may be split in two), so the only honest unit of history is the save. A snapshot per save
is append-only (nothing is ever updated), and "the plan as of t" is one indexed read: the last
revision saved before t. The live ``plan_milestones`` / ``plan_kpis`` rows stay what the plan says
now, for editing and for today's views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from server.workshops.models import PlanRevision


@dataclass(frozen=True)
class MilestoneState:
    title: str
    due_date: date
    done: bool


@dataclass(frozen=True)
class KpiState:
    name: str
    unit: str
    baseline: float
    target: float
    actual: float | None


@dataclass(frozen=True)
class PlanState:
    """A plan as one revision recorded it."""

    plan_id: int
    agenda_id: int
    saved_at: datetime
    summary: str
    responsible_department_id: int | None
    progress: int
    milestones: tuple[MilestoneState, ...]
    kpis: tuple[KpiState, ...]


def snapshot(*, agenda_id: int, summary: str, responsible_department_id: int | None, progress: int,
             milestones: list[tuple[str, date, bool]],
             kpis: list[tuple[str, str, float, float, float | None]]) -> dict:
    """The JSON a revision keeps: plain values only, dates as ISO strings."""
    return {
        "agenda_id": agenda_id, "summary": summary, "responsible_department_id": responsible_department_id,
        "progress": progress,
        "milestones": [{"title": t, "due_date": d.isoformat(), "done": bool(done)} for t, d, done in milestones],
        "kpis": [{"name": n, "unit": u, "baseline": b, "target": t, "actual": a} for n, u, b, t, a in kpis],
    }


async def record(plan_id: int, snap: dict, *, saved_at: datetime, saved_by_id: int | None, using_db) -> PlanRevision:
    return await PlanRevision.create(plan_id=plan_id, saved_at=saved_at, saved_by_id=saved_by_id, snapshot=snap,
                                     using_db=using_db)


def _state(plan_id: int, saved_at: datetime, s: dict) -> PlanState:
    return PlanState(
        plan_id=plan_id, agenda_id=int(s["agenda_id"]), saved_at=saved_at, summary=s.get("summary", ""),
        responsible_department_id=s.get("responsible_department_id"), progress=int(s.get("progress", 0)),
        milestones=tuple(MilestoneState(m["title"], date.fromisoformat(m["due_date"]), bool(m["done"]))
                         for m in s.get("milestones", [])),
        kpis=tuple(KpiState(k["name"], k["unit"], float(k["baseline"]), float(k["target"]),
                            None if k["actual"] is None else float(k["actual"])) for k in s.get("kpis", [])))


async def plans_as_of(moment: datetime, agenda_ids: list[int] | None = None) -> dict[int, PlanState]:
    """Every plan as it stood just before ``moment``, by agenda id. A plan first saved later is
    absent: it did not exist yet. Revisions are read in time order, so a back-dated revision (an
    import, a migration) reads the same as one written live."""
    q = PlanRevision.filter(saved_at__lt=moment)
    if agenda_ids is not None:
        if not agenda_ids:
            return {}
        q = q.filter(plan__agenda_id__in=agenda_ids)
    latest: dict[int, tuple[datetime, dict]] = {}
    for plan_id, saved_at, snap in await q.order_by("saved_at", "id").values_list("plan_id", "saved_at", "snapshot"):
        latest[plan_id] = (saved_at, snap)
    states = (_state(plan_id, saved_at, snap) for plan_id, (saved_at, snap) in latest.items())
    return {s.agenda_id: s for s in states}
