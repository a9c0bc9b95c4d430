"""Admin management of the department catalogue the routing rule reads."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas import departments as domain
from schema.accounts.types import Department
from schema.agendas.types import PolicyField, WorkPlanItem
from schema.errors import UserError, payload


@strawberry.type
class DepartmentPayload:
    department: Department | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WorkPlanItemPayload:
    work_plan_item: WorkPlanItem | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DepartmentInput:
    code: str
    name_ko: str
    name_en: str
    fields: list[PolicyField] | None = None
    keywords: list[str] | None = strawberry.field(default=None, description="Terms of its current work, any language.")
    duty_statement: str | None = strawberry.field(default=None, description="사무분장: what it is responsible for.")


@strawberry.input
class UpdateDepartmentInput:
    code: str
    name_ko: str | None = None
    name_en: str | None = None
    fields: list[PolicyField] | None = None
    keywords: list[str] | None = None
    duty_statement: str | None = None
    active: bool | None = None


@strawberry.input
class WorkPlanItemInput:
    department_code: str
    title: str
    keywords: list[str] | None = None
    year: int


@strawberry.mutation(description="Admin: add a department.")
async def create_department(info: Info, input: DepartmentInput) -> DepartmentPayload:
    viewer = await info.context.viewer()
    return await payload(DepartmentPayload, lambda: domain.create_department(
        viewer, code=input.code, name_ko=input.name_ko, name_en=input.name_en,
        fields=[f.value for f in input.fields or []], keywords=input.keywords, duty_statement=input.duty_statement),
        department=Department.from_model)


@strawberry.mutation(description="Admin: change a department's names, fields, keywords or activity.")
async def update_department(info: Info, input: UpdateDepartmentInput) -> DepartmentPayload:
    viewer = await info.context.viewer()
    return await payload(DepartmentPayload, lambda: domain.update_department(
        viewer, input.code, name_ko=input.name_ko, name_en=input.name_en,
        fields=[f.value for f in input.fields] if input.fields is not None else None,
        keywords=input.keywords, duty_statement=input.duty_statement, active=input.active),
        department=Department.from_model)


@strawberry.mutation(description="Admin: add an item to a department's work plan.")
async def create_work_plan_item(info: Info, input: WorkPlanItemInput) -> WorkPlanItemPayload:
    viewer = await info.context.viewer()
    return await payload(WorkPlanItemPayload, lambda: domain.create_work_plan_item(
        viewer, department_code=input.department_code, title=input.title, keywords=input.keywords, year=input.year),
        work_plan_item=WorkPlanItem.from_model)
