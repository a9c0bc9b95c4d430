"""Inviting city staff: an admin names an e-mail address, a role and departments; the account is
made (or a citizen's existing account is given the role) and a one-time link to choose a password is
mailed to the address — the password-reset machinery with a 7-day ``invite`` token. The admin also
gets a copy of a link, to hand over another way when mail is slow or not configured.

Everything — the account, its departments, the queued mail, the link's token and the audit entry —
is written in one transaction: an invitation is complete or absent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accounts import email_tokens
from server.accounts.administration import clean_codes, departments_for, parse_role, require_admin
from server.accounts.errors import AccountErrorCode as C
from server.accounts.models import User
from server.accounts.roles import STAFF_ROLES, Role
from server.accounts.validation import DISPLAY_NAME_MAX, normalize_email
from server.audit.actions import AuditAction
from server.audit.log import record
from server.audit.models import AuditEntry
from server.errors import DomainError, ValidationErrors
from server.i18n import LANGUAGES, current_language, msg
from server.notifications.models import MailDelivery

UNUSABLE_PASSWORD = "!"  # never a valid argon2 hash: nobody signs in before choosing a password
# Each invitation sends mail to an address the admin typed: a bound, so a stolen admin session or a
# runaway script cannot turn the server into a mail cannon.
INVITES_PER_HOUR = 60


@dataclass(frozen=True)
class Invitation:
    user: User
    link: str
    reused_account: bool


async def invite_staff(viewer, *, email: str, role: str, department_codes: Sequence[str] | None,
                       secret: str, base_url: str) -> Invitation:
    admin = require_admin(viewer)
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    if await AuditEntry.filter(actor_id=admin.id, action=AuditAction.STAFF_INVITED.value, at__gt=since).count() \
            >= INVITES_PER_HOUR:
        raise DomainError(C.RATE_LIMITED, msg("At most {max} invitations an hour: try again later.",
                                              max=INVITES_PER_HOUR), "email")
    errors: list[DomainError] = []
    clean_email = role_ = None
    departments = []
    try:
        clean_email = normalize_email(email)
    except DomainError as exc:
        errors.append(exc)
    try:
        role_ = parse_role(role)
        if role_ not in STAFF_ROLES:
            raise DomainError(C.UNKNOWN_ROLE, "Invite people to a staff role; citizens register themselves.", "role")
    except DomainError as exc:
        errors.append(exc)
    try:
        departments = await departments_for(clean_codes(department_codes))
    except DomainError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)

    existing = await User.get_or_none(email=clean_email)
    if existing is not None and Role(existing.role) != Role.CITIZEN:
        raise DomainError(C.ALREADY_STAFF, "This person already has a staff account: change their role in the list.",
                          "email")
    if existing is not None and not existing.is_active:
        raise DomainError(C.ACCOUNT_DISABLED, "This account is deactivated: reactivate it in the list first.", "email")

    language = current_language.get()
    now = datetime.now(timezone.utc)
    codes = [d.code for d in departments]
    try:
        async with in_transaction() as conn:
            if existing is None:
                user = await User.create(
                    email=clean_email, password_hash=UNUSABLE_PASSWORD,
                    display_name=clean_email.split("@")[0][:DISPLAY_NAME_MAX],
                    role=role_, language=language if language in LANGUAGES else "ko", using_db=conn)
            else:
                user = existing
                await User.filter(id=user.id, role=Role.CITIZEN).using_db(conn).update(role=role_, updated_at=now)
                await user.departments.clear(using_db=conn)
            if departments:
                await user.departments.add(*departments, using_db=conn)
            await MailDelivery.create(user_id=user.id, purpose=email_tokens.INVITE, params={"role": role_.value},
                                      available_at=now, using_db=conn)
            token = await email_tokens.issue(user.id, email_tokens.INVITE, secret, using_db=conn)
            await record(admin.id, AuditAction.STAFF_INVITED, f"user:{user.id}",
                         before={"role": Role.CITIZEN.value} if existing is not None else None,
                         after={"email": clean_email, "role": role_.value, "departments": codes}, using_db=conn)
    except IntegrityError:  # the same address invited twice at once
        raise DomainError(C.DUPLICATE_EMAIL, "An account with this e-mail address already exists.", "email") from None
    return Invitation(user=await User.get(id=user.id), link=f"{base_url}/reset-password?token={token}",
                      reused_account=existing is not None)
