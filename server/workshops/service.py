"""Quarterly execution workshops (서울혁신 실행워크숍): created per quarter, with participants,
items of four purposes and action items. A DISCOVERY item creates its agenda through the same
``propose`` as everyone (channel WORKSHOP, routed like any other); a PROGRESS_CHECK item keeps a
snapshot of the agenda's status and plan progress that day, which is what later quarters compare
against."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

from tortoise.transactions import in_transaction

from server.accountability import thresholds
from server.agendas import history
from server.agendas import service as agendas
from server.agendas.enums import EventKind
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, can_view
from server.agendas.validation import clean_text
from server.agendas.versioning import load_for_update
from server.errors import DomainError, ValidationErrors
from server.search import outbox
from server.settings import Settings
from server.workshops.enums import AffiliationType, ItemPurpose
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import ActionItem, ExecutionPlan, Workshop, WorkshopItem, WorkshopParticipant
from server.workshops.policy import may_run_workshops
from server.i18n import msg


def _require_facilitator(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_run_workshops(viewer):
        raise DomainError(C.FORBIDDEN, "Only facilitators run execution workshops.")


def _text(value, field, lo, hi, label, errors, single_line=True):
    try:
        return clean_text(value, field=field, lo=lo, hi=hi, label=label, single_line=single_line)
    except DomainError as exc:
        errors.append(exc)
        return None


def _int_id(value) -> int | None:
    try:
        v = int(value)
    except (TypeError, ValueError):
        return None
    return v if 0 < v < 2**31 else None


async def _workshop(viewer: Viewer, workshop_id) -> Workshop:
    _require_facilitator(viewer)
    pk = _int_id(workshop_id)
    w = await Workshop.get_or_none(id=pk) if pk else None
    if w is None:
        raise DomainError(C.NOT_FOUND, "No such workshop.", "workshopId")
    return w


async def create_workshop(viewer: Viewer, *, year: int, quarter: int, title: str, held_on: date, place: str) -> Workshop:
    _require_facilitator(viewer)
    errors: list[DomainError] = []
    if not 2000 <= year <= 2100:
        errors.append(DomainError(C.INVALID, "Give a year between 2000 and 2100.", "year"))
    if quarter not in (1, 2, 3, 4):
        errors.append(DomainError(C.INVALID, "A quarter is 1, 2, 3 or 4.", "quarter"))
    elif held_on.year != year or (held_on.month - 1) // 3 + 1 != quarter:
        errors.append(DomainError(C.INVALID, msg("The date must fall in {year} Q{quarter}.", year=year, quarter=quarter), "heldOn"))
    title_ = _text(title, "title", 2, 200, "title", errors)
    place_ = _text(place, "place", 2, 200, "place", errors)
    if errors:
        raise ValidationErrors(errors)
    async with in_transaction() as conn:
        w = await Workshop.create(year=year, quarter=quarter, title=title_, held_on=held_on, place=place_,
                                  facilitator_id=viewer.user.id, using_db=conn)
        # Agendas that reached the WORKSHOP support threshold while none was scheduled go on this one
        # as PLAN_REVIEW items, when it is the next one.
        await thresholds.place_waiting(w, conn)
        await outbox.enqueue("workshop", w.id, using_db=conn)
    return w


async def add_participant(viewer: Viewer, workshop_id, *, name: str, affiliation: str, affiliation_type: str) -> WorkshopParticipant:
    w = await _workshop(viewer, workshop_id)
    errors: list[DomainError] = []
    name_ = _text(name, "name", 1, 80, "name", errors)
    aff = _text(affiliation, "affiliation", 1, 200, "affiliation", errors)
    try:
        kind = AffiliationType(affiliation_type)
    except ValueError:
        errors.append(DomainError(C.INVALID, "Affiliation type is OFFICIAL, EXPERT or CIVIC_GROUP.", "affiliationType"))
    if errors:
        raise ValidationErrors(errors)
    return await WorkshopParticipant.create(workshop_id=w.id, name=name_, affiliation=aff, affiliation_type=kind.value)


async def add_item(viewer: Viewer, workshop_id, *, purpose: str, settings: Settings, agenda_id=None, notes: str = "",
                   decision: str = "", new_agenda: agendas.ProposalInput | None = None) -> WorkshopItem:
    w = await _workshop(viewer, workshop_id)
    try:
        purpose_ = ItemPurpose(purpose)
    except ValueError:
        raise DomainError(C.INVALID, "Unknown purpose.", "purpose") from None
    errors: list[DomainError] = []
    notes_ = _text(notes, "notes", 0, 20_000, "notes", errors, single_line=False) if (notes or "").strip() else ""
    decision_ = _text(decision, "decision", 0, 5_000, "decision", errors, single_line=False) if (decision or "").strip() else ""
    if errors:
        raise ValidationErrors(errors)

    agenda: Agenda | None = None
    if purpose_ == ItemPurpose.DISCOVERY and new_agenda is not None:
        if agenda_id is not None:
            raise DomainError(C.INVALID, "A discovery item either names a new agenda or an existing one.", "agendaId")
        proposal = dataclasses.replace(new_agenda, channel="WORKSHOP", idempotency_key=new_agenda.idempotency_key
                                       or f"workshop:{w.id}:{new_agenda.title}"[:100])
        async with in_transaction():  # the discovered agenda and its item commit together, or neither
            agenda = await agendas.propose(viewer, proposal, settings)
            return await _record_item(viewer, w, purpose_, agenda, notes_, decision_)
    else:
        if agenda_id is None:
            raise DomainError(C.REQUIRED, "Choose the agenda this item is about.", "agendaId")
        agenda = await load_for_update(agenda_id)
        if agenda is None or not can_view(viewer, agenda):
            raise DomainError(C.NOT_FOUND, "No such agenda.", "agendaId")

    return await _record_item(viewer, w, purpose_, agenda, notes_, decision_)


async def _record_item(viewer: Viewer, w: Workshop, purpose_: ItemPurpose, agenda: Agenda, notes_: str,
                       decision_: str) -> WorkshopItem:
    snapshot_status = snapshot_progress = None
    if purpose_ == ItemPurpose.PROGRESS_CHECK:
        plan = await ExecutionPlan.get_or_none(agenda_id=agenda.id)
        snapshot_status, snapshot_progress = agenda.status, (plan.progress if plan else 0)
    async with in_transaction() as conn:
        item = await WorkshopItem.create(workshop_id=w.id, purpose=purpose_.value, agenda_id=agenda.id, notes=notes_,
                                         decision=decision_, snapshot_status=snapshot_status,
                                         snapshot_progress=snapshot_progress, using_db=conn)
        await history.record(agenda.id, EventKind.DISCUSSED_AT_WORKSHOP, actor=viewer.user, reason=decision_ or None,
                             data={"workshop_id": w.id, "year": w.year, "quarter": w.quarter, "purpose": purpose_.value,
                                   "progress": snapshot_progress}, using_db=conn)
        await outbox.enqueue("workshop", w.id, using_db=conn)
    return item


async def add_action(viewer: Viewer, item_id, *, title: str, owner: str, due_date: date) -> ActionItem:
    _require_facilitator(viewer)
    pk = _int_id(item_id)
    item = await WorkshopItem.get_or_none(id=pk) if pk else None
    if item is None:
        raise DomainError(C.NOT_FOUND, "No such workshop item.", "itemId")
    errors: list[DomainError] = []
    title_ = _text(title, "title", 2, 200, "title", errors)
    owner_ = _text(owner, "owner", 1, 120, "owner", errors)
    if not 2000 <= due_date.year <= 2100:
        errors.append(DomainError(C.INVALID, "Give a due date between 2000 and 2100.", "dueDate"))
    if errors:
        raise ValidationErrors(errors)
    return await ActionItem.create(item_id=item.id, title=title_, owner=owner_, due_date=due_date)


async def set_action_done(viewer: Viewer, action_id, done: bool) -> ActionItem:
    _require_facilitator(viewer)
    pk = _int_id(action_id)
    action = await ActionItem.get_or_none(id=pk) if pk else None
    if action is None:
        raise DomainError(C.NOT_FOUND, "No such action item.", "id")
    action.done = done
    action.done_at = datetime.now(timezone.utc) if done else None
    await action.save()
    return action
