from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from server.agendas.service import ProposalInput
from server.workshops import service
from schema.agendas.types import PolicyField
from schema.errors import UserError, run_domain
from schema.workshops.types import ActionItem, AffiliationType, ItemPurpose, Workshop, WorkshopItem, WorkshopParticipant


@strawberry.type
class WorkshopPayload:
    workshop: Workshop | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WorkshopParticipantPayload:
    participant: WorkshopParticipant | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WorkshopItemPayload:
    item: WorkshopItem | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ActionItemPayload:
    action_item: ActionItem | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateWorkshopInput:
    year: int
    quarter: int
    title: str
    held_on: date
    place: str


@strawberry.input
class DiscoveredAgendaInput:
    title: str
    body: str
    field: PolicyField
    district: str | None = None
    related_department_codes: list[str] | None = None


@strawberry.input
class WorkshopItemInput:
    workshop_id: strawberry.ID
    purpose: ItemPurpose
    agenda_id: strawberry.ID | None = None
    new_agenda: DiscoveredAgendaInput | None = strawberry.field(
        default=None, description="DISCOVERY: the agenda found at the workshop (channel WORKSHOP, routed like any other).")
    notes: str = ""
    decision: str = ""


def _action(a) -> ActionItem:
    return ActionItem(id=strawberry.ID(str(a.id)), title=a.title, owner=a.owner, due_date=a.due_date, done=a.done)


@strawberry.mutation(description="Facilitators: schedule a quarterly execution workshop.")
async def create_workshop(info: Info, input: CreateWorkshopInput) -> WorkshopPayload:
    viewer = await info.context.viewer()
    result, errors = await run_domain(lambda: service.create_workshop(
        viewer, year=input.year, quarter=input.quarter, title=input.title, held_on=input.held_on, place=input.place))
    return WorkshopPayload(errors=errors) if errors else WorkshopPayload(workshop=Workshop.from_model(result))


@strawberry.mutation(description="Facilitators: add an official, expert or civic group to a workshop.")
async def add_workshop_participant(info: Info, workshop_id: strawberry.ID, name: str, affiliation: str,
                                   affiliation_type: AffiliationType) -> WorkshopParticipantPayload:
    viewer = await info.context.viewer()
    result, errors = await run_domain(lambda: service.add_participant(
        viewer, workshop_id, name=name, affiliation=affiliation, affiliation_type=affiliation_type.value))
    if errors:
        return WorkshopParticipantPayload(errors=errors)
    return WorkshopParticipantPayload(participant=WorkshopParticipant(
        id=strawberry.ID(str(result.id)), name=result.name, affiliation=result.affiliation,
        affiliation_type=affiliation_type))


@strawberry.mutation(description="Facilitators: record an item of the workshop (a PROGRESS_CHECK snapshots the agenda).")
async def add_workshop_item(info: Info, input: WorkshopItemInput) -> WorkshopItemPayload:
    viewer = await info.context.viewer()
    new = None
    if input.new_agenda is not None:
        n = input.new_agenda
        new = ProposalInput(title=n.title, body=n.body, field=n.field.value, district=n.district,
                            related_department_codes=list(n.related_department_codes or []))
    result, errors = await run_domain(lambda: service.add_item(
        viewer, input.workshop_id, purpose=input.purpose.value, settings=info.context.settings,
        agenda_id=input.agenda_id, notes=input.notes, decision=input.decision, new_agenda=new))
    return WorkshopItemPayload(errors=errors) if errors else WorkshopItemPayload(item=WorkshopItem.from_model(result))


@strawberry.mutation(description="Facilitators: add an action item (owner, due date) to a workshop item.")
async def add_action_item(info: Info, item_id: strawberry.ID, title: str, owner: str, due_date: date) -> ActionItemPayload:
    viewer = await info.context.viewer()
    result, errors = await run_domain(lambda: service.add_action(viewer, item_id, title=title, owner=owner, due_date=due_date))
    return ActionItemPayload(errors=errors) if errors else ActionItemPayload(action_item=_action(result))


@strawberry.mutation(description="Facilitators: mark an action item done (or not).")
async def set_action_item_done(info: Info, id: strawberry.ID, done: bool = True) -> ActionItemPayload:
    viewer = await info.context.viewer()
    result, errors = await run_domain(lambda: service.set_action_done(viewer, id, done))
    return ActionItemPayload(errors=errors) if errors else ActionItemPayload(action_item=_action(result))
