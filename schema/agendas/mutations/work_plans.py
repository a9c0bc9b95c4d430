"""Admin: edit, retire and carry over work-plan items (server/agendas/work_plans.py)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas import work_plans as domain
from schema.agendas.types import WorkPlanItem
from schema.errors import UserError, payload


@strawberry.input
class UpdateWorkPlanItemInput:
    id: strawberry.ID
    title: str | None = None
    keywords: list[str] | None = None
    department_code: str | None = None


@strawberry.type
class RetireWorkPlanItemPayload:
    work_plan_item: WorkPlanItem | None = strawberry.field(default=None, description="The retired item; null when it was deleted.")
    deleted: bool = strawberry.field(default=False, description="No agenda referred to it, so it was deleted rather than retired.")
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WorkPlanCopy:
    from_year: int
    to_year: int
    copied: int = strawberry.field(description="Items added to the target year.")
    skipped: int = strawberry.field(description="Items already in the target year (same department and title).")


@strawberry.type
class CopyWorkPlanPayload:
    copy: WorkPlanCopy | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CopyWorkPlanInput:
    from_year: int
    to_year: int


@strawberry.type
class UpdateWorkPlanItemPayload:
    work_plan_item: WorkPlanItem | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _id(raw: str) -> int:
    return int(raw) if str(raw).isdigit() and len(str(raw)) < 11 else 0


@strawberry.mutation(description="Admin: change a work-plan item's title, keywords or department.")
async def update_work_plan_item(info: Info, input: UpdateWorkPlanItemInput) -> UpdateWorkPlanItemPayload:
    viewer = await info.context.viewer()
    return await payload(UpdateWorkPlanItemPayload, lambda: domain.update_work_plan_item(
        viewer, _id(input.id), title=input.title, keywords=input.keywords, department_code=input.department_code),
        work_plan_item=WorkPlanItem.from_model)


@strawberry.mutation(description="Admin: retire a work-plan item (kept for the agendas that name it), or delete it when none does.")
async def retire_work_plan_item(info: Info, id: strawberry.ID) -> RetireWorkPlanItemPayload:
    viewer = await info.context.viewer()
    result = await payload(RetireWorkPlanItemPayload, lambda: domain.retire_work_plan_item(viewer, _id(id)),
                           work_plan_item=lambda r: r)
    if result.work_plan_item is not None:
        r = result.work_plan_item
        return RetireWorkPlanItemPayload(work_plan_item=None if r.deleted else WorkPlanItem.from_model(r.item),
                                         deleted=r.deleted)
    return result


@strawberry.mutation(description="Admin: copy a year's work plan into another year; a second copy adds nothing.")
async def copy_work_plan(info: Info, input: CopyWorkPlanInput) -> CopyWorkPlanPayload:
    viewer = await info.context.viewer()
    return await payload(CopyWorkPlanPayload, lambda: domain.copy_work_plan(viewer, input.from_year, input.to_year),
                         copy=lambda c: WorkPlanCopy(from_year=c.from_year, to_year=c.to_year, copied=c.copied,
                                                     skipped=c.skipped))
