from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from server.agendas import policy
from server.workshops import enums as E
from server.workshops.progress import kpi_attainment
from schema.accounts.types import Department, User
from schema.agendas.dataloaders import AgendaByIdLoader, DepartmentByIdLoader, UserByIdLoader
from schema.agendas.types import Agenda, AgendaOwner, AgendaStatus, PolicyField
from schema.search.types import FacetCount
from schema.workshops.dataloaders import ActionsByItemLoader, ItemsByWorkshopLoader, ParticipantsByWorkshopLoader

ItemPurpose = strawberry.enum(E.ItemPurpose, name="WorkshopItemPurpose")
AffiliationType = strawberry.enum(E.AffiliationType, name="AffiliationType")
CaseOrigin = strawberry.enum(E.CaseOrigin, name="CaseOrigin")


async def _agenda(info: Info, agenda_id: int | None) -> Agenda | None:
    if agenda_id is None:
        return None
    a = await info.context.loader(AgendaByIdLoader).load(agenda_id)
    if a is None or not policy.can_view(await info.context.viewer(), a):
        return None
    return Agenda.from_model(a)


@strawberry.type
class Milestone:
    id: strawberry.ID
    title: str
    due_date: date
    done: bool


@strawberry.type
class Kpi:
    id: strawberry.ID
    name: str
    unit: str
    baseline: float
    target: float
    actual: float | None

    @strawberry.field(description="(actual − baseline) / (target − baseline), clamped to 0…1.")
    def attainment(self) -> float:
        return kpi_attainment(self.baseline, self.target, self.actual)


@strawberry.type(description="실행방안: how an accepted agenda is carried out. Progress follows the documented rule "
                             "(mean of milestone completion and KPI attainment).")
class ExecutionPlan:
    summary: str
    progress: int
    milestones: list[Milestone]
    kpis: list[Kpi]
    updated_at: datetime
    _department_id: strawberry.Private[int | None]
    _plan_id: strawberry.Private[int | None] = None

    @strawberry.field(description="Photos and PDFs attached to the plan (at most 5); visible with the agenda.")
    async def attachments(self, info: Info) -> list[Annotated["Attachment", strawberry.lazy("schema.attachments.types")]]:
        from schema.attachments.dataloaders import PlanAttachmentsLoader
        from schema.attachments.types import Attachment

        if self._plan_id is None:
            return []
        return [Attachment.from_model(a) for a in await info.context.loader(PlanAttachmentsLoader).load(self._plan_id)]

    @strawberry.field
    async def responsible_department(self, info: Info) -> Department | None:
        if self._department_id is None:
            return None
        d = await info.context.loader(DepartmentByIdLoader).load(self._department_id)
        return Department.from_model(d) if d else None

    @classmethod
    def build(cls, plan, milestones, kpis) -> "ExecutionPlan":
        return cls(summary=plan.summary, progress=plan.progress, updated_at=plan.updated_at,
                   _department_id=plan.responsible_department_id, _plan_id=plan.id,
                   milestones=[Milestone(id=strawberry.ID(str(m.id)), title=m.title, due_date=m.due_date, done=m.done)
                               for m in milestones],
                   kpis=[Kpi(id=strawberry.ID(str(k.id)), name=k.name, unit=k.unit, baseline=k.baseline,
                             target=k.target, actual=k.actual) for k in kpis])


@strawberry.type
class Review:
    id: strawberry.ID
    scores: strawberry.scalars.JSON
    opinion: str
    created_at: datetime
    _reviewer_id: strawberry.Private[int]

    @strawberry.field
    async def reviewer(self, info: Info) -> User | None:
        u = await info.context.loader(UserByIdLoader).load(self._reviewer_id)
        return User.from_model(u) if u else None

    @classmethod
    def from_model(cls, r) -> "Review":
        return cls(id=strawberry.ID(str(r.id)), scores=r.scores, opinion=r.opinion, created_at=r.created_at,
                   _reviewer_id=r.reviewer_id)


@strawberry.type
class ActionItem:
    id: strawberry.ID
    title: str
    owner: str
    due_date: date
    done: bool

    @classmethod
    def from_model(cls, a) -> "ActionItem":
        return cls(id=strawberry.ID(str(a.id)), title=a.title, owner=a.owner, due_date=a.due_date, done=a.done)


@strawberry.type
class WorkshopParticipant:
    id: strawberry.ID
    name: str
    affiliation: str
    affiliation_type: AffiliationType

    @classmethod
    def from_model(cls, p) -> "WorkshopParticipant":
        return cls(id=strawberry.ID(str(p.id)), name=p.name, affiliation=p.affiliation,
                   affiliation_type=E.AffiliationType(p.affiliation_type))


@strawberry.type
class WorkshopItem:
    id: strawberry.ID
    purpose: ItemPurpose
    notes: str
    decision: str
    snapshot_status: AgendaStatus | None
    snapshot_progress: int | None
    _agenda_id: strawberry.Private[int | None]

    @strawberry.field
    async def agenda(self, info: Info) -> Agenda | None:
        return await _agenda(info, self._agenda_id)

    @strawberry.field
    async def action_items(self, info: Info) -> list[ActionItem]:
        rows = await info.context.loader(ActionsByItemLoader).load(int(self.id))
        return [ActionItem.from_model(a) for a in rows]

    @classmethod
    def from_model(cls, i) -> "WorkshopItem":
        from server.agendas.enums import AgendaStatus as S

        return cls(id=strawberry.ID(str(i.id)), purpose=E.ItemPurpose(i.purpose), notes=i.notes, decision=i.decision,
                   snapshot_status=S(i.snapshot_status) if i.snapshot_status else None,
                   snapshot_progress=i.snapshot_progress, _agenda_id=i.agenda_id)


@strawberry.type(description="서울혁신 실행워크숍: a quarterly execution workshop.")
class Workshop:
    id: strawberry.ID
    year: int
    quarter: int
    title: str
    held_on: date
    place: str
    _facilitator_id: strawberry.Private[int]

    @strawberry.field
    async def facilitator(self, info: Info) -> User | None:
        u = await info.context.loader(UserByIdLoader).load(self._facilitator_id)
        return User.from_model(u) if u else None

    @strawberry.field
    async def participants(self, info: Info) -> list[WorkshopParticipant]:
        rows = await info.context.loader(ParticipantsByWorkshopLoader).load(int(self.id))
        return [WorkshopParticipant.from_model(p) for p in rows]

    @strawberry.field
    async def items(self, info: Info) -> list[WorkshopItem]:
        rows = await info.context.loader(ItemsByWorkshopLoader).load(int(self.id))
        return [WorkshopItem.from_model(i) for i in rows]

    @classmethod
    def from_model(cls, w) -> "Workshop":
        return cls(id=strawberry.ID(str(w.id)), year=w.year, quarter=w.quarter, title=w.title, held_on=w.held_on,
                   place=w.place, _facilitator_id=w.facilitator_id)


@strawberry.type
class StatusCount:
    status: AgendaStatus
    field: PolicyField
    department_code: str | None
    count: int


@strawberry.type
class MovedAgenda:
    agenda: Agenda
    from_status: AgendaStatus | None
    to_status: AgendaStatus | None
    from_progress: int
    to_progress: int


@strawberry.type
class OverdueItem:
    agenda: Agenda
    title: str
    due_date: date
    owner: str | None
    kind: str


@strawberry.type
class StatusTally:
    status: AgendaStatus
    count: int


@strawberry.type
class FieldSummary:
    field: PolicyField
    total: int
    by_status: list[StatusTally]
    average_progress: int
    moved: int
    stalled: int


@strawberry.type(description="Where every agenda stands as of the end of a quarter, and what moved since the previous one.")
class WorkshopProgress:
    year: int
    quarter: int
    as_of: datetime
    counts: list[StatusCount]
    moved: list[MovedAgenda]
    stalled: list[Agenda]
    overdue_milestones: list[OverdueItem]
    overdue_action_items: list[OverdueItem]
    fields: list[FieldSummary]
    new_agendas: list[Agenda] = strawberry.field(
        description="Agendas that arrived during the quarter (intake), counted apart from those that moved.")
    districts: list[FacetCount] = strawberry.field(
        description="Agendas per Seoul district (value: a district code such as JONGNO) as of the quarter's end; "
                    "agendas without a district are left out. Feeds the district map.")


@strawberry.type
class FieldPerformance:
    field: PolicyField
    by_status: list[StatusTally]
    completion_rate: float | None
    median_days_to_acceptance: float | None
    median_days_to_completion: float | None
    kpi_attainment: float | None
    review_count: int
    average_review_score: float | None


@strawberry.type(description="Whether an owner (a department, or the Social Innovation Officer) answered on time in a "
                             "quarter: decisions made by the answer deadline over decisions made, and the median "
                             "working days of the city's calendar from routing to the decision.")
class OwnerTimeliness:
    owner: AgendaOwner
    decisions: int
    decided_on_time: int
    on_time_rate: float | None
    median_working_days_to_decision: float | None


@strawberry.type(description="혁신사례: a completed agenda or a domestic/international case others can learn from.")
class InnovationCase:
    id: strawberry.ID
    origin: CaseOrigin
    title: str
    summary: str
    outcome: str
    lessons: str
    field: PolicyField
    place: str
    published_at: datetime
    _agenda_id: strawberry.Private[int | None]

    @strawberry.field
    async def agenda(self, info: Info) -> Agenda | None:
        return await _agenda(info, self._agenda_id)

    @classmethod
    def from_model(cls, c) -> "InnovationCase":
        from server.agendas.enums import PolicyField as PF

        return cls(id=strawberry.ID(str(c.id)), origin=E.CaseOrigin(c.origin), title=c.title, summary=c.summary,
                   outcome=c.outcome, lessons=c.lessons, field=PF(c.field), place=c.place,
                   published_at=c.published_at, _agenda_id=c.agenda_id)
