from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from server.agendas.service import ProposalInput
from server.workshops import service
from schema.agendas.types import PolicyField
from schema.errors import UserError, payload
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
class WorkshopParticipantInput:
    workshop_id: strawberry.ID
    name: str = strawberry.field(description="1–80 characters.")
    affiliation: str = strawberry.field(description="1–200 characters: the office, institution or group.")
    affiliation_type: AffiliationType


@strawberry.input
class ActionItemInput:
    item_id: strawberry.ID = strawberry.field(description="The workshop item the action follows from.")
    title: str = strawberry.field(description="2–200 characters.")
    owner: str = strawberry.field(description="1–120 characters: who does it, an office or a person.")
    due_date: date


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


@strawberry.mutation(description="Facilitators: schedule a quarterly execution workshop.")
async def create_workshop(info: Info, input: CreateWorkshopInput) -> WorkshopPayload:
    viewer = await info.context.viewer()
    return await payload(WorkshopPayload, lambda: service.create_workshop(
        viewer, year=input.year, quarter=input.quarter, title=input.title, held_on=input.held_on, place=input.place),
        workshop=Workshop.from_model)


@strawberry.mutation(description="Facilitators: add an official, expert or civic group to a workshop.")
async def add_workshop_participant(info: Info, input: WorkshopParticipantInput) -> WorkshopParticipantPayload:
    viewer = await info.context.viewer()
    return await payload(WorkshopParticipantPayload, lambda: service.add_participant(
        viewer, input.workshop_id, name=input.name, affiliation=input.affiliation,
        affiliation_type=input.affiliation_type.value), participant=WorkshopParticipant.from_model)


@strawberry.mutation(description="Facilitators: record an item of the workshop (a PROGRESS_CHECK snapshots the agenda).")
async def add_workshop_item(info: Info, input: WorkshopItemInput) -> WorkshopItemPayload:
    viewer = await info.context.viewer()
    new = None
    if input.new_agenda is not None:
        n = input.new_agenda
        new = ProposalInput(title=n.title, body=n.body, field=n.field.value, district=n.district,
                            related_department_codes=list(n.related_department_codes or []))
    return await payload(WorkshopItemPayload, lambda: service.add_item(
        viewer, input.workshop_id, purpose=input.purpose.value, settings=info.context.settings,
        agenda_id=input.agenda_id, notes=input.notes, decision=input.decision, new_agenda=new),
        item=WorkshopItem.from_model)


@strawberry.mutation(description="Facilitators: add an action item (owner, due date) to a workshop item.")
async def add_action_item(info: Info, input: ActionItemInput) -> ActionItemPayload:
    viewer = await info.context.viewer()
    return await payload(ActionItemPayload, lambda: service.add_action(
        viewer, input.item_id, title=input.title, owner=input.owner, due_date=input.due_date),
        action_item=ActionItem.from_model)


@strawberry.mutation(description="Facilitators: mark an action item done (or not).")
async def set_action_item_done(info: Info, id: strawberry.ID, done: bool = True) -> ActionItemPayload:
    viewer = await info.context.viewer()
    return await payload(ActionItemPayload, lambda: service.set_action_done(viewer, id, done),
                         action_item=ActionItem.from_model)
