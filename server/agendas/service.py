"""Proposing an agenda and answering a request for information — the citizen's side of the flow.

Everything is validated before anything is written; the agenda, its history and its outbox entry
are written in one transaction, so a failure leaves nothing behind and a success is always
announced to search."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.accounts.roles import Role
from server.accountability import deadlines
from server.agendas import history
from server.agendas.departments import load_router
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind, Visibility
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda, Department, WorkPlanItem
from server.agendas.policy import Viewer, can_view, may_choose_visibility, may_use_channel, require_verified_email
from server.agendas.routing import AgendaText
from server.agendas.validation import (
    clean_body,
    clean_channel,
    clean_codes,
    clean_district,
    clean_field,
    clean_reason,
    clean_title,
)
from server.agendas.versioning import apply_change, check_version, load_for_update
from server.errors import DomainError, ValidationErrors
from server.settings import Settings
from server.i18n import msg


IDEMPOTENCY_KEY_MAX = 100


@dataclass
class ProposalInput:
    title: str
    body: str
    field: str
    channel: str | None = None
    district: str | None = None
    related_department_codes: list[str] = field(default_factory=list)
    work_plan_item_id: int | None = None
    visibility: str | None = None
    idempotency_key: str | None = None


def _collect(errors: list[DomainError], fn, *args):
    try:
        return fn(*args)
    except DomainError as exc:
        errors.append(exc)
        return None


async def propose(viewer: Viewer, data: ProposalInput, settings: Settings) -> Agenda:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "Log in to propose an agenda.")
    require_verified_email(viewer)
    errors: list[DomainError] = []
    title = _collect(errors, clean_title, data.title)
    body = _collect(errors, clean_body, data.body)
    policy_field = _collect(errors, clean_field, data.field)
    channel = _collect(errors, clean_channel, data.channel)
    district = _collect(errors, clean_district, data.district)
    related = _collect(errors, clean_codes, data.related_department_codes) or []
    visibility = Visibility.PUBLIC
    if data.visibility:
        try:
            visibility = Visibility(data.visibility)
        except ValueError:
            errors.append(DomainError(C.INVALID, "Visibility is PUBLIC or INTERNAL.", "visibility"))
    if channel is not None and not may_use_channel(viewer, channel):
        errors.append(DomainError(C.CHANNEL_NOT_ALLOWED,
                                  "Citizens propose through the citizen-proposal channel; other channels are for city staff.",
                                  "channel"))
    if not may_choose_visibility(viewer, visibility):
        errors.append(DomainError(C.FORBIDDEN, "Only city staff can make an agenda internal.", "visibility"))
    key = (data.idempotency_key or "").strip() or None
    if key is not None and len(key) > IDEMPOTENCY_KEY_MAX:
        errors.append(DomainError(C.TOO_LONG, msg("An idempotency key has at most {max} characters.", max=IDEMPOTENCY_KEY_MAX), "idempotencyKey"))
    if related:
        known = set(await Department.filter(code__in=related, is_active=True).values_list("code", flat=True))
        missing = [c for c in related if c not in known]
        if missing:
            errors.append(DomainError(C.UNKNOWN_DEPARTMENT, msg("Unknown department code(s): {codes}.", codes=", ".join(missing)), "relatedDepartmentCodes"))
    if data.work_plan_item_id is not None and (
        not 0 < data.work_plan_item_id < 2**31
        # a retired item, or one of an inactive department, is no longer offered for new proposals
        or not await WorkPlanItem.filter(id=data.work_plan_item_id, retired_at=None, department__is_active=True).exists()
    ):
        errors.append(DomainError(C.UNKNOWN_WORK_PLAN_ITEM, "No such work-plan item.", "workPlanItemId"))
    if errors:
        raise ValidationErrors(errors)

    user = viewer.user
    if key is not None:
        existing = await Agenda.get_or_none(proposer_id=user.id, idempotency_key=key)
        if existing is not None:
            return existing  # a retried submission: the same agenda, not a twin

    router = await load_router()
    decision = router.route(AgendaText(title=title, body=body, field=policy_field.value,
                                       related_department_codes=tuple(related),
                                       work_plan_item_id=data.work_plan_item_id))
    dept_ids = await _department_ids([decision.department_code])
    try:
        async with in_transaction() as conn:
            if Role(user.role) == Role.CITIZEN:
                await _check_hourly_quota(user.id, settings.proposals_per_hour, conn)
            agenda = await Agenda.create(
                title=title, body=body, field=policy_field.value, channel=channel.value,
                status=S.IN_TRIAGE.value, visibility=visibility.value, district=district, proposer_id=user.id,
                idempotency_key=key, related_department_codes=related,
                work_plan_item_id=decision.work_plan_item_id or data.work_plan_item_id,
                **history.routing_fields(decision, dept_ids), **deadlines.on_routed(datetime.now(timezone.utc)),
                using_db=conn,
            )
            await history.record(agenda, EventKind.PROPOSED, actor=user, to_status=S.SUBMITTED.value, using_db=conn)
            await history.record(agenda, EventKind.ROUTED, actor=None, from_status=S.SUBMITTED.value,
                                 to_status=S.IN_TRIAGE.value, reason=decision.explanation,
                                 data=decision.as_dict(), using_db=conn)
            await _follow(agenda.id, user.id, conn)
    except IntegrityError:
        if key is not None:  # the same key raced us; the other request's agenda is the answer
            existing = await Agenda.get_or_none(proposer_id=user.id, idempotency_key=key)
            if existing is not None:
                return existing
        raise
    return agenda


async def _check_hourly_quota(user_id: int, limit: int, conn) -> None:
    """Refuse a citizen's proposal beyond ``limit`` in the last hour.

    Counting and inserting must be one step, or twenty proposals sent at once all count the same
    nine and all get in. So the proposer is held first, inside the proposal's transaction, and a
    second proposal from the same person waits until the first has committed or rolled back.
    PostgreSQL: their user row is locked (other people's proposals do not wait). SQLite: the
    database's write lock — a lock on the file, so it holds across ``agenda serve``'s processes — is
    taken before counting: ``server/db.py`` begins SQLite transactions ``IMMEDIATE``, and the no-op
    UPDATE below says so here too (within one process Tortoise runs SQLite transactions one at a time)."""
    if conn.capabilities.dialect == "postgres":
        # FOR NO KEY UPDATE conflicts with itself, not with rows that merely reference the user;
        # the row is fetched because values_list() would drop the lock.
        await User.filter(id=user_id).using_db(conn).select_for_update(no_key=True).first()
    else:
        await conn.execute_query("UPDATE users SET id = id WHERE id = ?", [user_id])
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    recent = await Agenda.filter(proposer_id=user_id, created_at__gte=since).using_db(conn).count()
    if recent >= limit:
        raise DomainError(C.RATE_LIMITED, msg("You can propose up to {count} agendas an hour; please try again later.", count=limit))


async def _department_ids(codes) -> dict[str, int]:
    codes = [c for c in codes if c]
    if not codes:
        return {}
    return dict(await Department.filter(code__in=codes).values_list("code", "id"))


async def _follow(agenda_id: int, user_id: int, conn) -> None:
    from server.agendas.models import Follow

    if not await Follow.filter(agenda_id=agenda_id, user_id=user_id).using_db(conn).exists():
        await Follow.create(agenda_id=agenda_id, user_id=user_id, using_db=conn)


async def answer_info_request(viewer: Viewer, agenda_id: int, expected_version: int, answer: str, *,
                              title: str | None = None, body: str | None = None) -> Agenda:
    """The proposer answers; the agenda is routed again on its (possibly revised) text plus the
    answer, and returns to triage."""
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "Log in to answer.")
    agenda = await load_for_update(agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such agenda.", "id")
    if agenda.proposer_id != viewer.user.id:
        raise DomainError(C.FORBIDDEN, "Only the proposer can answer a request for information.", "id")
    check_version(agenda, expected_version)
    if agenda.status != S.NEEDS_INFO.value:
        raise DomainError(C.INVALID_TRANSITION, "This agenda is not waiting for information.", "id")
    errors: list[DomainError] = []
    answer_ = _collect(errors, lambda v: clean_reason(v, field="answer", label="answer"), answer)
    title_ = _collect(errors, clean_title, title) if title is not None else agenda.title
    body_ = _collect(errors, clean_body, body) if body is not None else agenda.body
    if errors:
        raise ValidationErrors(errors)

    router = await load_router()
    decision = router.route(AgendaText(title=title_, body=f"{body_}\n{answer_}", field=agenda.field,
                                       related_department_codes=tuple(agenda.related_department_codes or ()),
                                       work_plan_item_id=agenda.work_plan_item_id))
    dept_ids = await _department_ids([decision.department_code])
    updates = {"title": title_, "body": body_, "status": S.IN_TRIAGE.value, "status_reason": None,
               **history.routing_fields(decision, dept_ids), **deadlines.on_info_answered(agenda, datetime.now(timezone.utc))}

    async def events(conn):
        await history.record(agenda.id, EventKind.INFO_ANSWERED, actor=viewer.user, from_status=S.NEEDS_INFO.value,
                             to_status=S.IN_TRIAGE.value, reason=answer_, using_db=conn)
        await history.record(agenda.id, EventKind.ROUTED, actor=None, reason=decision.explanation,
                             data=decision.as_dict(), using_db=conn)

    return await apply_change(agenda, expected_version, updates, events)
