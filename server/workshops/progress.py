"""The progress percentage of an execution plan — one documented rule, used everywhere.

* Milestones give ``done / total``.
* Each KPI gives its attainment ``(actual − baseline) / (target − baseline)``, clamped to 0…1; a KPI
  without an actual value yet counts 0; when target equals baseline it counts 1 once actual reaches it.
  KPIs give the mean of their attainments.
* The plan's progress is the mean of the parts it has (milestones, KPIs), as a whole percentage
  (rounded half up); a plan with neither is at 0 %.
* A COMPLETED agenda is at 100 %: completion is the owner's statement that the work is done.

Milestones and KPIs weigh equally because a plan is both "did we do what we said" and "did it make
the difference we promised"; neither alone tells a facilitator where an agenda stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def kpi_attainment(baseline: float, target: float, actual: float | None) -> float:
    if actual is None:
        return 0.0
    if target == baseline:
        return 1.0 if (actual >= target if target >= 0 else actual <= target) else 0.0
    share = (actual - baseline) / (target - baseline)
    return max(0.0, min(1.0, share))


def plan_progress(milestones_done: Iterable[bool], kpis: Iterable[tuple[float, float, float | None]], *,
                  completed: bool = False) -> int:
    if completed:
        return 100
    done = list(milestones_done)
    kpis = list(kpis)
    parts = []
    if done:
        parts.append(sum(1 for d in done if d) / len(done))
    if kpis:
        parts.append(sum(kpi_attainment(*k) for k in kpis) / len(kpis))
    if not parts:
        return 0
    value = Decimal(str(100 * sum(parts) / len(parts))).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return int(value)
