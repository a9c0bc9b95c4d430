"""The progress sheet a facilitator prints for a workshop: one row per item, with the agenda, where
it stood that day, the decision and the action items, plus the agenda's overdue milestones.
CSV in UTF-8 with a BOM so spreadsheet programs show Korean correctly."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from server.agendas.reference import POLICY_FIELDS
from server.agendas.models import Agenda, Department
from server.opendata.export import csv_cell
from server.workshops.models import ActionItem, ExecutionPlan, Milestone, Workshop, WorkshopItem, WorkshopParticipant

PURPOSE_KO = {"DISCOVERY": "신규의제 발굴", "PLAN_REVIEW": "기획안 토론", "PROGRESS_CHECK": "추진상황 점검",
              "OUTCOME_SHARING": "성과 공유"}
HEADER = ["구분 Purpose", "의제 번호 Agenda", "제목 Title", "분야 Field", "담당 부서 Department", "당일 상태 Status",
          "당일 진척률 Progress %", "결정 Decision", "메모 Notes", "실행과제 Action items", "지연 마일스톤 Overdue milestones"]


async def progress_sheet(workshop: Workshop, tz: str) -> str:
    items = await WorkshopItem.filter(workshop_id=workshop.id).order_by("id")
    agenda_ids = [i.agenda_id for i in items if i.agenda_id]
    agendas = {a.id: a for a in await Agenda.filter(id__in=agenda_ids)}
    departments = dict(await Department.all().values_list("id", "name_ko"))
    plans = {p.agenda_id: p for p in await ExecutionPlan.filter(agenda_id__in=agenda_ids)}
    overdue: dict[int, list[str]] = {}
    for m in await Milestone.filter(plan_id__in=[p.id for p in plans.values()], done=False,
                                    due_date__lt=workshop.held_on).order_by("due_date"):
        agenda_id = next(aid for aid, p in plans.items() if p.id == m.plan_id)
        overdue.setdefault(agenda_id, []).append(f"{m.title} ({m.due_date.isoformat()})")
    actions: dict[int, list[str]] = {}
    for a in await ActionItem.filter(item_id__in=[i.id for i in items]).order_by("due_date", "id"):
        actions.setdefault(a.item_id, []).append(f"{'✓' if a.done else '□'} {a.title} — {a.owner}, {a.due_date.isoformat()}")
    field_ko = {f.code: f.ko for f in POLICY_FIELDS}
    participants = await WorkshopParticipant.filter(workshop_id=workshop.id).order_by("id")

    out = io.StringIO()
    out.write("\ufeff")
    w = csv.writer(out)
    w.writerow([csv_cell(f"{workshop.title} — {workshop.held_on.isoformat()} {workshop.place}")])
    w.writerow([csv_cell("참석 Participants: " + ", ".join(f"{p.name} ({p.affiliation})" for p in participants))])
    w.writerow([csv_cell(f"출력 Printed: {datetime.now(ZoneInfo(tz)).strftime('%Y-%m-%d %H:%M')}")])
    w.writerow(HEADER)
    for i in items:
        a = agendas.get(i.agenda_id)
        w.writerow([csv_cell(v) for v in [
            f"{PURPOSE_KO.get(i.purpose, i.purpose)} {i.purpose}",
            a.id if a else "", a.title if a else "", field_ko.get(a.field, "") if a else "",
            departments.get(a.owner_department_id, "사회혁신담당관") if a else "",
            i.snapshot_status or (a.status if a else ""),
            i.snapshot_progress if i.snapshot_progress is not None else (plans[a.id].progress if a and a.id in plans else ""),
            i.decision, i.notes, "\n".join(actions.get(i.id, [])), "\n".join(overdue.get(a.id, []) if a else []),
        ]])
    return out.getvalue()
