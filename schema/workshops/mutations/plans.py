from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from server.agendas.models import Agenda as AgendaModel
from server.workshops import plans
from schema.agendas.types import Agenda
from schema.errors import UserError, payload


@strawberry.input
class MilestoneInput:
    title: str
    due_date: date
    done: bool = False


@strawberry.input
class KpiInput:
    name: str
    unit: str
    target: float
    baseline: float = 0.0
    actual: float | None = None


@strawberry.input
class ExecutionPlanInput:
    agenda_id: strawberry.ID
    summary: str = ""
    responsible_department_code: str | None = None
    milestones: list[MilestoneInput] = strawberry.field(default_factory=list)
    kpis: list[KpiInput] = strawberry.field(default_factory=list)
    expected_version: int | None = strawberry.field(
        default=None, description="The agenda version the plan was edited from: a plan saved meanwhile (or any other "
                                  "change to the agenda) is then a VERSION_CONFLICT, not a silent overwrite. Saving a "
                                  "plan moves the agenda's version on.")


@strawberry.type
class ExecutionPlanPayload:
    agenda: Agenda | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Create or replace the execution plan of an accepted agenda (its owner or responsible department).")
async def save_execution_plan(info: Info, input: ExecutionPlanInput) -> ExecutionPlanPayload:
    viewer = await info.context.viewer()
    return await payload(ExecutionPlanPayload, lambda: plans.save_plan(
        viewer, input.agenda_id, summary=input.summary, responsible_department_code=input.responsible_department_code,
        milestones=[plans.MilestoneInput(m.title, m.due_date, m.done) for m in input.milestones],
        kpis=[plans.KpiInput(k.name, k.unit, k.target, k.baseline, k.actual) for k in input.kpis],
        expected_version=input.expected_version), agenda=_planned_agenda)


async def _planned_agenda(plan) -> Agenda:
    """The payload shows the agenda (its plan and its new version), not the plan row."""
    return Agenda.from_model(await AgendaModel.get(id=plan.agenda_id))
