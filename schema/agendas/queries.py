from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from server.agendas import departments, policy, reference
from server.agendas.models import Department as DepartmentModel
from server.agendas.queries import AgendaOrder, followed_agendas, list_agendas, triage_queue
from server.agendas.versioning import load_for_update
from schema.accounts.types import Department
from schema.agendas.dataloaders import prefetch_page
from schema.agendas.selection import page_needs
from schema.agendas.mutations.keyword_suggestions import keyword_suggestions
from schema.agendas.types import (
    Agenda,
    AgendaConnection,
    AgendaFilterInput,
    Label,
    WorkPlanItem,
)
from schema.agendas.types import AgendaOrder as AgendaOrderType
from schema.errors import query_domain


@strawberry.type
class AgendaQueries:
    keyword_suggestions = strawberry.field(
        keyword_suggestions, description="Admin: terms that recur in agendas rerouted to a department, most seen first.")

    @strawberry.field(description="One agenda, or null when it does not exist or is not visible to the caller.")
    async def agenda(self, info: Info, id: strawberry.ID) -> Agenda | None:
        a = await load_for_update(id)
        if a is None or not policy.can_view(await info.context.viewer(), a):
            return None
        return Agenda.from_model(a)

    @strawberry.field(description="Agendas visible to the caller, newest first unless orderBy says otherwise.")
    async def agendas(self, info: Info, filter: AgendaFilterInput | None = None,
                      order_by: AgendaOrderType = AgendaOrder.NEWEST, first: int = 20,
                      after: str | None = None) -> AgendaConnection:
        viewer = await info.context.viewer()
        needs = page_needs(info)
        page = await query_domain(lambda: list_agendas(viewer, AgendaFilterInput.to_filter(filter), order=AgendaOrder(order_by.value),
                                                       first=first, after=after,
                                                       max_page=info.context.settings.max_page_size,
                                                       columns=needs.columns))
        people = await prefetch_page(info.context, page.items, needs)
        return AgendaConnection.from_page(page, had_cursor=after is not None, people=people)

    @strawberry.field(description="What waits for its owner — a decision, or an official answer owed: a "
                                  "department's queue, or the Social Innovation Officer's when departmentCode is "
                                  "omitted. Overdue first, then by answer due date, agendas without one last. "
                                  "overdueOnly keeps the overdue ones; allDepartments (the officer and admins) "
                                  "reads every owner's queue at once, so triageQueue(overdueOnly: true, "
                                  "allDepartments: true) is every department's overdue agendas.")
    async def triage_queue(self, info: Info, department_code: str | None = None, first: int = 50,
                           after: str | None = None, overdue_only: bool = False,
                           all_departments: bool = False) -> AgendaConnection:
        viewer = await info.context.viewer()
        needs = page_needs(info)
        page = await query_domain(lambda: triage_queue(viewer, department_code, first=first, after=after,
                                                       max_page=info.context.settings.max_page_size,
                                                       overdue_only=overdue_only, all_departments=all_departments,
                                                       columns=needs.columns))
        people = await prefetch_page(info.context, page.items, needs)
        return AgendaConnection.from_page(page, had_cursor=after is not None, people=people)

    @strawberry.field(description="Agendas you follow or support (not your own proposals), newest first.")
    async def my_followed_agendas(self, info: Info, first: int = 20, after: str | None = None) -> AgendaConnection:
        viewer = await info.context.viewer()
        needs = page_needs(info)
        page = await query_domain(lambda: followed_agendas(viewer, first=first, after=after,
                                                           max_page=info.context.settings.max_page_size,
                                                           columns=needs.columns))
        people = await prefetch_page(info.context, page.items, needs)
        return AgendaConnection.from_page(page, had_cursor=after is not None, people=people)

    @strawberry.field(description="City departments (실·국·본부), by code.")
    async def departments(self, include_inactive: bool = False) -> list[Department]:
        q = DepartmentModel.all() if include_inactive else DepartmentModel.filter(is_active=True)
        return [Department.from_model(d) for d in await q.order_by("code")]

    @strawberry.field(description="Work-plan items (업무계획) of a year, optionally of one department.")
    async def work_plan_items(self, year: int, department_code: str | None = None, include_retired: Annotated[bool, strawberry.argument(
            description="Also retired items and those of inactive departments (the admin's screen); "
                        "without it, what a proposal may name.")] = False) -> list[WorkPlanItem]:
        items = await query_domain(lambda: departments.work_plan_items(year, department_code, include_retired=include_retired))
        return [WorkPlanItem.from_model(w) for w in items]

    @strawberry.field(description="The five policy fields with their labels.")
    def policy_fields(self) -> list[Label]:
        return [Label(code=f.code, ko=f.ko, en=f.en, zh=f.zh) for f in reference.POLICY_FIELDS]

    @strawberry.field(description="Discovery channels with their labels.")
    def channels(self) -> list[Label]:
        return [Label(code=c.code, ko=c.ko, en=c.en, zh=c.zh) for c in reference.CHANNELS]

    @strawberry.field(description="Seoul's 25 districts (자치구).")
    def districts(self) -> list[Label]:
        return [Label(code=d.code, ko=d.ko, en=d.en, zh=d.zh) for d in reference.SEOUL_DISTRICTS]
