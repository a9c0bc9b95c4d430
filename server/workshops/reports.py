"""The facilitator's and the research team's numbers.

Everything is computed *as of* the end of the asked quarter from the agendas' history (status
changes and plan updates are events with timestamps; plans are read from the revision saved last
before that moment, ``revisions.py``), so a past quarter's report does not change when work goes on, and "what moved since the previous quarter" compares two such points in time.
Quarters follow the city's calendar (``AGENDA_TIMEZONE``, Asia/Seoul by default)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from server.agendas.reference import POLICY_FIELD_CODES
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, AgendaEvent, Department
from server.errors import DomainError
from server.settings import Settings
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import ActionItem, Review
from server.workshops.progress import kpi_attainment
from server.workshops.revisions import plans_as_of

OPEN_WORK = (S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value, S.IN_PROGRESS.value)


def quarter_bounds(year: int, quarter: int, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of a quarter in the city's time zone, as aware datetimes."""
    if not 2000 <= year <= 2100 or quarter not in (1, 2, 3, 4):
        raise DomainError(C.INVALID, "Ask for a year between 2000 and 2100 and a quarter 1–4.", "quarter")
    zone = ZoneInfo(tz)
    start = datetime(year, 3 * (quarter - 1) + 1, 1, tzinfo=zone)
    end = datetime(year + (quarter == 4), (3 * quarter) % 12 + 1, 1, tzinfo=zone)
    # In UTC: SQLite compares stored timestamps as text, so a Seoul-offset bound would be off by 9 h.
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


@dataclass
class Timeline:
    """Each agenda's status and plan progress over time, from its history."""

    status_changes: dict[int, list[tuple[datetime, str]]] = field(default_factory=lambda: defaultdict(list))
    progress_changes: dict[int, list[tuple[datetime, int]]] = field(default_factory=lambda: defaultdict(list))
    last_event: dict[int, list[datetime]] = field(default_factory=lambda: defaultdict(list))

    def status_at(self, agenda_id: int, t: datetime) -> str | None:
        value = None
        for at, status in self.status_changes.get(agenda_id, []):
            if at >= t:
                break
            value = status
        return value

    def progress_at(self, agenda_id: int, t: datetime) -> int:
        value = 0
        for at, progress in self.progress_changes.get(agenda_id, []):
            if at >= t:
                break
            value = progress
        return value

    def last_activity(self, agenda_id: int, t: datetime) -> datetime | None:
        times = [x for x in self.last_event.get(agenda_id, []) if x < t]
        return max(times) if times else None


async def load_timeline(until: datetime) -> Timeline:
    tl = Timeline()
    # In time order (not id order): imported or back-dated history must read the same.
    events = await AgendaEvent.filter(created_at__lt=until).order_by("created_at", "id").values(
        "agenda_id", "kind", "to_status", "data", "created_at")
    for e in events:
        aid, at = e["agenda_id"], e["created_at"]
        if e["kind"] != EventKind.DISCUSSED_AT_WORKSHOP.value:
            # Being talked about is not progress: a discussed but untouched agenda is still stalled.
            tl.last_event[aid].append(at)
        if e["to_status"]:
            tl.status_changes[aid].append((at, e["to_status"]))
            if e["to_status"] == S.COMPLETED.value:
                tl.progress_changes[aid].append((at, 100))
        if e["kind"] == EventKind.PLAN_UPDATED.value and (e["data"] or {}).get("progress_to") is not None:
            tl.progress_changes[aid].append((at, int(e["data"]["progress_to"])))
    return tl


@dataclass
class Moved:
    agenda: Agenda
    from_status: str | None
    to_status: str | None
    from_progress: int
    to_progress: int


@dataclass
class Overdue:
    agenda: Agenda
    title: str
    due_date: date
    owner: str | None  # action items have an owner; milestones belong to the responsible department
    kind: str          # "MILESTONE" | "ACTION_ITEM"


@dataclass
class FieldSummary:
    field: str
    total: int
    by_status: dict[str, int]
    average_progress: int
    moved: int
    stalled: int


@dataclass
class WorkshopProgress:
    year: int
    quarter: int
    as_of: datetime
    counts: list[tuple[str, str, str | None, int]]  # (status, field, department code, count)
    moved: list[Moved]
    stalled: list[Agenda]
    overdue_milestones: list[Overdue]
    overdue_action_items: list[Overdue]
    fields: list[FieldSummary]
    # Agendas that arrived during the quarter: intake, reported apart from "moved" (arriving is not progress).
    new_agendas: list[Agenda] = field(default_factory=list)
    # (district code, count) of the agendas as of the quarter's end, for the district map; no district → left out.
    districts: list[tuple[str, int]] = field(default_factory=list)


def as_of_quarter_end(end: datetime, now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    return min(end, now)


async def workshop_progress(settings: Settings, year: int, quarter: int, *, now: datetime | None = None) -> WorkshopProgress:
    start, end = quarter_bounds(year, quarter, settings.timezone)
    as_of = as_of_quarter_end(end, now)
    prev_start, _ = quarter_bounds(*previous_quarter(year, quarter), settings.timezone)
    tl = await load_timeline(as_of)
    agendas = {a.id: a for a in await Agenda.filter(created_at__lt=as_of)}
    dept_codes = dict(await Department.all().values_list("id", "code"))

    counts: Counter = Counter()
    status_now: dict[int, str] = {}
    for aid, a in agendas.items():
        st = tl.status_at(aid, as_of) or a.status
        status_now[aid] = st
        counts[(st, a.field, dept_codes.get(a.owner_department_id))] += 1

    moved = []
    new_agendas = []
    for aid, a in agendas.items():
        if a.created_at >= start:
            new_agendas.append(a)
            continue
        before_status, after_status = tl.status_at(aid, start), status_now[aid]
        before_progress, after_progress = tl.progress_at(aid, start), tl.progress_at(aid, as_of)
        if before_status != after_status or before_progress != after_progress:
            moved.append(Moved(a, before_status, after_status, before_progress, after_progress))

    stale_before = as_of - timedelta(days=settings.stalled_days)
    stalled = [a for aid, a in agendas.items() if status_now[aid] in OPEN_WORK
               and (tl.last_activity(aid, as_of) or a.created_at) < stale_before]

    zone = ZoneInfo(settings.timezone)
    today = as_of.astimezone(zone).date() if as_of < end else (end - timedelta(seconds=1)).astimezone(zone).date()
    plans = await plans_as_of(as_of, list(agendas))  # milestones as they stood then, not as edited since
    overdue_m = []
    for aid, plan in plans.items():
        if status_now[aid] in (S.COMPLETED.value, S.REJECTED.value, S.MERGED.value):
            continue
        for m in plan.milestones:
            if m.due_date < today and not m.done:
                overdue_m.append(Overdue(agendas[aid], m.title, m.due_date,
                                         dept_codes.get(plan.responsible_department_id), "MILESTONE"))
    overdue_m.sort(key=lambda o: (o.due_date, o.agenda.id))
    overdue_a = []
    actions = await ActionItem.filter(due_date__lt=today).select_related("item").order_by("due_date", "id")
    for act in actions:
        if act.done and act.done_at is not None and act.done_at < as_of:
            continue
        a = agendas.get(act.item.agenda_id)
        if a is None:
            continue
        overdue_a.append(Overdue(a, act.title, act.due_date, act.owner, "ACTION_ITEM"))

    moved_ids = {m.agenda.id for m in moved}
    stalled_ids = {a.id for a in stalled}
    fields = []
    for f in POLICY_FIELD_CODES:
        ids = [aid for aid, a in agendas.items() if a.field == f]
        planned = [tl.progress_at(aid, as_of) for aid in ids if aid in plans or status_now[aid] == S.COMPLETED.value]
        fields.append(FieldSummary(
            field=f, total=len(ids), by_status=dict(Counter(status_now[aid] for aid in ids)),
            average_progress=round(sum(planned) / len(planned)) if planned else 0,
            moved=len(moved_ids & set(ids)), stalled=len(stalled_ids & set(ids))))
    return WorkshopProgress(
        year=year, quarter=quarter, as_of=as_of,
        counts=sorted(((s, f, d, n) for (s, f, d), n in counts.items()), key=lambda x: (x[1], x[0], x[2] or "")),
        moved=sorted(moved, key=lambda m: m.agenda.id), stalled=sorted(stalled, key=lambda a: a.id),
        overdue_milestones=overdue_m, overdue_action_items=overdue_a, fields=fields,
        new_agendas=sorted(new_agendas, key=lambda a: a.id),
        districts=sorted(Counter(a.district for a in agendas.values() if a.district).items()))


@dataclass
class FieldPerformance:
    field: str
    by_status: dict[str, int]
    completion_rate: float | None   # completed / ever accepted, None when nothing was accepted
    median_days_to_acceptance: float | None
    median_days_to_completion: float | None
    kpi_attainment: float | None    # mean attainment (0–1) of the field's KPIs
    review_count: int
    average_review_score: float | None


async def performance_report(settings: Settings, year: int, quarter: int, *, now: datetime | None = None) -> list[FieldPerformance]:
    _, end = quarter_bounds(year, quarter, settings.timezone)
    as_of = as_of_quarter_end(end, now)
    tl = await load_timeline(as_of)
    agendas = {a.id: a for a in await Agenda.filter(created_at__lt=as_of)}
    accepted_at: dict[int, datetime] = {}
    completed_at: dict[int, datetime] = {}
    for aid, changes in tl.status_changes.items():
        for at, st in changes:
            if st == S.ACCEPTED.value and aid not in accepted_at:
                accepted_at[aid] = at
            if st == S.COMPLETED.value and aid not in completed_at:
                completed_at[aid] = at
    kpis_by_agenda = {aid: [kpi_attainment(k.baseline, k.target, k.actual) for k in plan.kpis]
                      for aid, plan in (await plans_as_of(as_of, list(agendas))).items()}
    reviews_by_agenda = defaultdict(list)
    for r in await Review.filter(agenda_id__in=list(agendas), created_at__lt=as_of):
        scores = [float(v) for v in (r.scores or {}).values()]
        if scores:
            reviews_by_agenda[r.agenda_id].append(sum(scores) / len(scores))

    out = []
    for f in POLICY_FIELD_CODES:
        ids = [aid for aid, a in agendas.items() if a.field == f]
        statuses = Counter(tl.status_at(aid, as_of) or agendas[aid].status for aid in ids)
        ever_accepted = [aid for aid in ids if aid in accepted_at]
        completed = [aid for aid in ids if aid in completed_at]
        to_accept = [(accepted_at[aid] - agendas[aid].created_at).total_seconds() / 86400 for aid in ever_accepted]
        to_complete = [(completed_at[aid] - agendas[aid].created_at).total_seconds() / 86400 for aid in completed]
        attain = [x for aid in ids for x in kpis_by_agenda.get(aid, [])]
        review_scores = [x for aid in ids for x in reviews_by_agenda.get(aid, [])]
        out.append(FieldPerformance(
            field=f, by_status=dict(statuses),
            completion_rate=(len(completed) / len(ever_accepted)) if ever_accepted else None,
            median_days_to_acceptance=round(statistics.median(to_accept), 1) if to_accept else None,
            median_days_to_completion=round(statistics.median(to_complete), 1) if to_complete else None,
            kpi_attainment=round(sum(attain) / len(attain), 4) if attain else None,
            review_count=len(review_scores),
            average_review_score=round(sum(review_scores) / len(review_scores), 2) if review_scores else None))
    return out
