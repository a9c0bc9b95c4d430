"""Whether owners answer on time: per owner (a department, or the Social Innovation Officer) and
quarter, the share of decisions made by the answer deadline and the median working days from routing
to the decision.

A decision belongs to the quarter it was made in (the city's calendar) and to the agenda's owner.
"On time" is what the decision recorded when it was made (``decided_on_time``: by the end of the due
day, and never after an escalation), so a quarter's rate does not change when deadlines are
recomputed later. Days are working days of the city's calendar (``calendar.py``): a decision on the
day of routing took 0 days; NEEDS_INFO pauses are not subtracted, since the proposer waited then too."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from server.accountability.calendar import calendar_for
from server.agendas.models import Agenda, Department
from server.agendas.routing import OwnerKind
from server.settings import Settings
from server.workshops.reports import as_of_quarter_end, quarter_bounds


@dataclass
class OwnerTimeliness:
    owner_kind: OwnerKind
    department_id: int | None
    department_code: str | None
    decisions: int
    decided_on_time: int
    median_working_days: float | None  # None when no decided agenda has a routing date

    @property
    def on_time_rate(self) -> float | None:
        return self.decided_on_time / self.decisions if self.decisions else None


async def owner_timeliness(settings: Settings, year: int, quarter: int, *,
                           now: datetime | None = None) -> list[OwnerTimeliness]:
    """Owners that made at least one decision in the quarter, departments by code, the officer last."""
    start, end = quarter_bounds(year, quarter, settings.timezone)
    as_of = as_of_quarter_end(end, now)
    calendar = calendar_for(settings)
    rows = await Agenda.filter(decided_at__gte=start, decided_at__lt=as_of).values(
        "owner_kind", "owner_department_id", "decided_on_time", "routed_at", "decided_at")
    codes = dict(await Department.all().values_list("id", "code"))
    groups: dict[tuple[str, int | None], list[dict]] = {}
    for r in rows:
        dept = r["owner_department_id"] if r["owner_kind"] == OwnerKind.DEPARTMENT.value else None
        kind = OwnerKind.DEPARTMENT.value if dept is not None else OwnerKind.INNOVATION_OFFICER.value
        groups.setdefault((kind, dept), []).append(r)
    out = []
    for (kind, dept), decided in groups.items():
        days = [calendar.working_days_between(r["routed_at"], r["decided_at"]) for r in decided if r["routed_at"]]
        out.append(OwnerTimeliness(
            owner_kind=OwnerKind(kind), department_id=dept, department_code=codes.get(dept),
            decisions=len(decided), decided_on_time=sum(1 for r in decided if r["decided_on_time"]),
            median_working_days=float(statistics.median(days)) if days else None))
    return sorted(out, key=lambda o: (o.department_code is None, o.department_code or ""))
