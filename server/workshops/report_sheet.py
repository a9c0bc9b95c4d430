"""The performance report as a spreadsheet: the per-field table and the per-owner on-time table of
one quarter, as of its end, in two blocks under one title. CSV in UTF-8 with a BOM (spreadsheet
programs then read Korean correctly), formula-safe cells, headers in Korean and English, rates as
whole percentages and durations in whole days, as a reader of a printed report expects."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from server.agendas.models import Department
from server.agendas.reference import POLICY_FIELDS
from server.opendata.export import csv_cell
from server.settings import Settings
from server.workshops.reports import performance_report
from server.workshops.timeliness import owner_timeliness

OFFICER_KO = "사회혁신담당관 Social Innovation Officer"
FIELD_HEADER = ["분야 Field", "분야 코드 Field code", "의제 수 Agendas", "상태별 By status", "완료율(%) Completion rate",
                "접수까지 일수 Days to acceptance", "완료까지 일수 Days to completion", "KPI 달성률(%) KPI attainment",
                "검토 수 Reviews", "평균 점수 Average score"]
OWNER_HEADER = ["담당 Owner", "부서 코드 Department code", "결정 수 Decisions", "기한 내 결정 On time",
                "기한 준수율(%) On-time rate", "결정까지 근무일 중앙값 Median working days to decision"]


def _pct(share: float | None) -> int | None:
    return None if share is None else round(100 * share)


def _days(days: float | None) -> int | None:
    return None if days is None else round(days)


async def performance_sheet(settings: Settings, year: int, quarter: int, *, now: datetime | None = None) -> str:
    fields = await performance_report(settings, year, quarter, now=now)
    owners = await owner_timeliness(settings, year, quarter, now=now)
    names = dict(await Department.all().values_list("id", "name_ko"))
    field_ko = {f.code: f"{f.ko} {f.en}" for f in POLICY_FIELDS}

    out = io.StringIO()
    out.write("\ufeff")
    w = csv.writer(out)
    w.writerow([csv_cell(f"성과 보고서 Performance report — {year}년 {quarter}분기 {year} Q{quarter}")])
    w.writerow([csv_cell(f"출력 Printed: {datetime.now(ZoneInfo(settings.timezone)).strftime('%Y-%m-%d %H:%M')}")])
    w.writerow([])
    w.writerow([csv_cell("분야별 성과 By policy field")])
    w.writerow(FIELD_HEADER)
    for f in fields:
        w.writerow([csv_cell(v) for v in [
            field_ko.get(f.field, f.field), f.field, sum(f.by_status.values()),
            ", ".join(f"{status} {n}" for status, n in sorted(f.by_status.items())),
            _pct(f.completion_rate), _days(f.median_days_to_acceptance), _days(f.median_days_to_completion),
            _pct(f.kpi_attainment), f.review_count, f.average_review_score]])
    w.writerow([])
    w.writerow([csv_cell("답변 기한 준수 Answers on time, by owner")])
    w.writerow(OWNER_HEADER)
    for o in owners:
        w.writerow([csv_cell(v) for v in [
            names.get(o.department_id, "") if o.department_id is not None else OFFICER_KO, o.department_code or "",
            o.decisions, o.decided_on_time, _pct(o.on_time_rate), _days(o.median_working_days)]])
    return out.getvalue()
