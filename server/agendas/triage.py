"""The owner's side: triage decisions, reroutes and execution progress, each checked against
the lifecycle table and the policy, each applied with optimistic concurrency and recorded."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum

from tortoise.expressions import F

from server.accountability import deadlines, thresholds
from server.agendas import history
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.lifecycle import MERGE_TARGET_STATUSES, REROUTABLE, rule
from server.agendas.models import Agenda, Department, Follow, Support
from server.agendas.policy import Viewer, actor_roles, can_reroute, can_view
from server.agendas.routing import OwnerKind, manual_decision
from server.agendas.validation import clean_department_code, clean_reason
from server.agendas.versioning import apply_change, check_version, load_for_update, load_visible
from server.errors import DomainError
from server.i18n import msg
from server.agendas.labels import status_label


class Decision(str, Enum):
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    NEEDS_INFO = "NEEDS_INFO"
    MERGE = "MERGE"


_TARGET = {Decision.ACCEPT: S.ACCEPTED, Decision.REJECT: S.REJECTED, Decision.NEEDS_INFO: S.NEEDS_INFO,
           Decision.MERGE: S.MERGED}


async def _load(viewer: Viewer, agenda_id) -> Agenda:
    return await load_visible(viewer, agenda_id)


def _check_transition(viewer: Viewer, agenda: Agenda, target: S, reason: str | None) -> str | None:
    current = S(agenda.status)
    allowed = rule(current, target)
    roles = actor_roles(viewer, agenda)
    if allowed is None:
        raise DomainError(C.INVALID_TRANSITION,
                          msg("An agenda that is {status} cannot become {target}.", status=status_label(current), target=status_label(target)), "status")
    actors, needs_reason = allowed
    if not (roles & actors):
        raise DomainError(C.FORBIDDEN, "Only the agenda's owner (its department or the Social Innovation "
                                       "Officer) or an admin can do this.", "id")
    if needs_reason:
        if not (reason or "").strip():
            raise DomainError(C.REASON_REQUIRED, "Write a reason; the proposer will see it.", "reason")
        return clean_reason(reason)
    return clean_reason(reason) if (reason or "").strip() else None


async def triage(viewer: Viewer, agenda_id, expected_version: int, decision: Decision, *,
                 reason: str | None = None, merge_into_id=None) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    if can_reroute(viewer, agenda):  # an official who may act on it: a stale page is a conflict first
        check_version(agenda, expected_version)
    target_status = _TARGET[decision]
    reason_ = _check_transition(viewer, agenda, target_status, reason)
    if decision == Decision.MERGE:
        return await _merge(viewer, agenda, expected_version, merge_into_id, reason_)
    updates = {"status": target_status.value, "status_reason": reason_,
               **deadlines.on_transition(agenda, target_status, datetime.now(timezone.utc))}

    async def events(conn):
        await history.record(agenda.id, EventKind.TRANSITION, actor=viewer.user, from_status=agenda.status,
                             to_status=target_status.value, reason=reason_, using_db=conn)

    return await apply_change(agenda, expected_version, updates, events)


async def _merge(viewer: Viewer, agenda: Agenda, expected_version: int, merge_into_id, reason: str | None) -> Agenda:
    if merge_into_id is None:
        raise DomainError(C.REQUIRED, "Choose the agenda to merge into.", "mergeIntoId")
    target = await load_for_update(merge_into_id)
    if target is None or not can_view(viewer, target):
        raise DomainError(C.NOT_FOUND, "The agenda to merge into does not exist.", "mergeIntoId")
    if target.id == agenda.id:
        raise DomainError(C.INVALID_MERGE_TARGET, "An agenda cannot be merged into itself.", "mergeIntoId")
    if S(target.status) not in MERGE_TARGET_STATUSES:
        raise DomainError(C.INVALID_MERGE_TARGET,
                          msg("The target agenda is {status}; merge into one that is still alive.", status=status_label(target.status)), "mergeIntoId")
    updates = {"status": S.MERGED.value, "status_reason": reason, "merged_into_id": target.id, "support_count": 0,
               "verified_support_count": 0, **deadlines.on_transition(agenda, S.MERGED, datetime.now(timezone.utc))}

    async def events(conn):
        # Supports and followers carry over; a person who backed both keeps one support on the target.
        already = set(await Support.filter(agenda_id=target.id).using_db(conn).values_list("user_id", flat=True))
        moving = [s for s in await Support.filter(agenda_id=agenda.id).using_db(conn) if s.user_id not in already]
        if moving:
            await Support.filter(id__in=[s.id for s in moving]).using_db(conn).update(agenda_id=target.id)
        await Support.filter(agenda_id=agenda.id).using_db(conn).delete()
        followers = set(await Follow.filter(agenda_id=target.id).using_db(conn).values_list("user_id", flat=True))
        await Follow.filter(agenda_id=agenda.id, user_id__in=list(followers) or [0]).using_db(conn).delete()
        await Follow.filter(agenda_id=agenda.id).using_db(conn).update(agenda_id=target.id)
        if moving:
            verified = sum(1 for moved in moving if moved.verified)
            await Agenda.filter(id=target.id).using_db(conn).update(
                support_count=F("support_count") + len(moving),
                verified_support_count=F("verified_support_count") + verified, updated_at=datetime.now(timezone.utc))
        await history.record(agenda.id, EventKind.TRANSITION, actor=viewer.user, from_status=agenda.status,
                             to_status=S.MERGED.value, reason=reason, data={"merged_into": target.id}, using_db=conn)
        await history.record(target.id, EventKind.MERGED_IN, actor=viewer.user, reason=reason,
                             data={"merged_from": agenda.id, "supports_moved": len(moving)}, using_db=conn)
        if moving:  # the supports carried over may take the target across a threshold
            await thresholds.check(target.id, conn)

    return await apply_change(agenda, expected_version, updates, events)


async def advance(viewer: Viewer, agenda_id, expected_version: int, status: str, *, reason: str | None = None) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    if can_reroute(viewer, agenda):
        check_version(agenda, expected_version)
    try:
        target = S(status)
    except ValueError:
        raise DomainError(C.INVALID_TRANSITION, "Unknown status.", "status") from None
    if target not in (S.IN_PROGRESS, S.COMPLETED):
        raise DomainError(C.INVALID_TRANSITION, "advanceAgenda moves an agenda to IN_PROGRESS or COMPLETED; "
                                                "use triageAgenda for triage decisions.", "status")
    reason_ = _check_transition(viewer, agenda, target, reason)

    async def events(conn):
        await history.record(agenda.id, EventKind.TRANSITION, actor=viewer.user, from_status=agenda.status,
                             to_status=target.value, reason=reason_, using_db=conn)

    updates = {"status": target.value, **deadlines.on_transition(agenda, target, datetime.now(timezone.utc))}
    agenda = await apply_change(agenda, expected_version, updates, events)
    if target == S.COMPLETED:
        from server.workshops.plans import refresh_progress  # the plan reads agendas; keep the import one-way

        await refresh_progress(agenda)
    return agenda


async def reroute(viewer: Viewer, agenda_id, expected_version: int, owner_kind: str, department_code: str | None,
                  reason: str | None) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    if not can_reroute(viewer, agenda):
        raise DomainError(C.FORBIDDEN, "Only the agenda's owner, the Social Innovation Officer or an admin can reroute it.", "id")
    check_version(agenda, expected_version)
    if S(agenda.status) not in REROUTABLE:
        raise DomainError(C.INVALID_TRANSITION, msg("An agenda that is {status} can no longer be rerouted.", status=status_label(agenda.status)), "id")
    if not (reason or "").strip():
        raise DomainError(C.REASON_REQUIRED, "Write why the agenda is rerouted.", "reason")
    reason_ = clean_reason(reason)
    try:
        kind = OwnerKind(owner_kind)
    except ValueError:
        raise DomainError(C.INVALID, "Owner kind is DEPARTMENT or INNOVATION_OFFICER.", "ownerKind") from None
    dept = None
    code = clean_department_code(department_code)
    if kind == OwnerKind.DEPARTMENT:
        if not code:
            raise DomainError(C.REQUIRED, "Choose the department.", "departmentCode")
        dept = await Department.get_or_none(code=code, is_active=True)
        if dept is None:
            raise DomainError(C.UNKNOWN_DEPARTMENT, "No such active department.", "departmentCode")
    elif code:
        raise DomainError(C.INVALID, "The Social Innovation Officer owns an agenda without a department.", "departmentCode")
    if agenda.owner_kind == kind.value and agenda.owner_department_id == (dept.id if dept else None):
        raise DomainError(C.INVALID, "The agenda already belongs there.", "departmentCode")
    decision = manual_decision(kind, dept.code if dept else None, reason_,
                               candidates=agenda.routing_candidates or ())
    previous = {"owner_kind": agenda.owner_kind, "department_id": agenda.owner_department_id}
    updates = {**history.routing_fields(decision, {dept.code: dept.id} if dept else {}),
               **deadlines.on_rerouted(agenda, datetime.now(timezone.utc))}

    async def events(conn):
        await history.record(agenda.id, EventKind.REROUTED, actor=viewer.user, reason=reason_,
                             data={**decision.as_dict(), "previous": previous}, using_db=conn)

    return await apply_change(agenda, expected_version, updates, events)
