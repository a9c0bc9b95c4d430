"""Admins manage people: find a user, change their role and departments, deactivate and reactivate
them. Every change is written to the audit log in the same transaction, so a change that rolled back
left no entry and one that committed cannot lack one.

Two rules keep the installation governable: there is always at least one active admin (a demotion or
deactivation that would remove the last one is refused, under a lock on the admin rows so two admins
demoting each other at once cannot both succeed), and an admin never changes their own role or
deactivates themselves (another admin must, so a slip cannot lock the city out).

A deactivated account's sessions and bearer tokens are revoked in the same transaction: it is signed
out everywhere at once, not when its tokens expire."""

from __future__ import annotations

import base64
import binascii
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.accounts.errors import AccountErrorCode as C
from server.accounts.models import AuthToken, User
from server.accounts.roles import STAFF_ROLES, Role
from server.agendas.models import Department
from server.audit.actions import AuditAction
from server.audit.log import changes, record
from server.errors import DomainError, ValidationErrors
from server.i18n import msg
from server.ops import writes

MAX_PAGE = 100
QUERY_MAX = 100
MAX_DEPARTMENTS = 20
CODE_MAX = 40
_ID_MAX = 2**31 - 1


def require_admin(viewer) -> User:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if viewer.user.role != Role.ADMIN or viewer.user.id is None:
        raise DomainError(C.FORBIDDEN, "Only admins manage users and roles.")
    return viewer.user


def parse_role(raw: str | None, field: str = "role") -> Role:
    try:
        return Role.parse((raw or "")[:40])
    except ValueError:
        raise DomainError(C.UNKNOWN_ROLE, msg("Unknown role: choose one of {roles}.",
                                              roles=", ".join(r.value for r in Role)), field) from None


def clean_codes(raw: Sequence[str] | None, field: str = "departmentCodes") -> list[str]:
    """Department codes as stored (upper-case, trimmed, unique), with their count and length bounded."""
    raw = list(raw or [])
    if len(raw) > MAX_DEPARTMENTS:
        raise DomainError(C.INVALID, msg("Choose at most {max} departments.", max=MAX_DEPARTMENTS), field)
    codes = sorted({c.strip().upper() for c in raw if c and c.strip()})
    if any(len(c) > CODE_MAX for c in codes):
        raise DomainError(C.UNKNOWN_DEPARTMENT, msg("Unknown department code(s): {codes}.",
                                                    codes=", ".join(c[:CODE_MAX] + "…" for c in codes if len(c) > CODE_MAX)),
                          field)
    return codes


async def departments_for(codes: list[str], field: str = "departmentCodes") -> list[Department]:
    if not codes:
        return []
    found = await Department.filter(code__in=codes)
    missing = sorted(set(codes) - {d.code for d in found})
    if missing:
        raise DomainError(C.UNKNOWN_DEPARTMENT, msg("Unknown department code(s): {codes}.", codes=", ".join(missing)),
                          field)
    return sorted(found, key=lambda d: d.code)


# ------------------------------------------------------------------ finding users

@dataclass
class UserPage:
    items: list[User]
    cursors: list[str]
    has_next: bool


def _cursor(u: User) -> str:
    return base64.urlsafe_b64encode(f"U:{u.id}".encode()).decode().rstrip("=")


def _after(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor[:40] + "=" * (-len(cursor[:40]) % 4)).decode()
        name, pk = raw.split(":")
        value = int(pk)
        if name != "U" or not 0 < value <= _ID_MAX:
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID, "The cursor is not valid; start from the first page.", "after") from None


def fold(query: str | None) -> str:
    """The search text as it is compared: NFKC (full-width letters, composed Hangul), spaces
    collapsed, case folded. E-mails are stored lower-case; names are compared case-insensitively by
    the database."""
    value = " ".join(unicodedata.normalize("NFKC", query or "").split())
    return value.casefold()


async def search_users(viewer, *, query: str | None = None, role: str | None = None,
                       department_code: str | None = None, first: int = 20, after: str | None = None) -> UserPage:
    """Admins' user list, oldest account first (a stable keyset on id). The query matches a part of
    the display name or the e-mail address; it only ever reaches the database as a bound parameter."""
    require_admin(viewer)
    if not 0 <= first <= MAX_PAGE:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} users at a time.", max=MAX_PAGE), "first")
    if query is not None and len(query) > QUERY_MAX:
        raise DomainError(C.TOO_LONG, msg("Search with at most {max} characters.", max=QUERY_MAX), "query")
    q = User.all()
    text = fold(query)
    if text:
        q = q.filter(Q(display_name__icontains=text) | Q(email__icontains=text))
    if role:
        q = q.filter(role=parse_role(role))
    if department_code:
        [code] = clean_codes([department_code], "departmentCode") or [""]
        department = await Department.get_or_none(code=code)
        if department is None:
            raise DomainError(C.UNKNOWN_DEPARTMENT, msg("Unknown department code(s): {codes}.", codes=code),
                              "departmentCode")
        q = q.filter(departments__id=department.id)
    if after:
        q = q.filter(id__gt=_after(after))
    rows = await q.order_by("id").limit(first + 1)
    items = rows[:first]
    return UserPage(items=items, cursors=[_cursor(u) for u in items], has_next=len(rows) > first)


# ------------------------------------------------------------------ changing users

def _snapshot(user: User, codes: list[str]) -> dict:
    return {"role": Role(user.role).value, "departments": codes, "is_active": user.is_active}


async def _department_codes(user_id: int, conn=None) -> list[str]:
    return sorted(await Department.filter(members__id=user_id).using_db(conn).values_list("code", flat=True))


async def _refuse_losing_last_admin(target: User, conn) -> None:
    """Called inside the change's transaction: locks the active admins' rows (PostgreSQL; SQLite
    serialises writers anyway) and refuses when the target is the only one left."""
    admins = await (User.filter(role=Role.ADMIN, is_active=True).using_db(conn)
                    .select_for_update().values_list("id", flat=True))
    if set(admins) <= {target.id}:
        raise DomainError(C.LAST_ADMIN, "This is the last active admin: make another admin first.", "role")


async def update_user(viewer, user_id, *, role: str | None = None, department_codes: Sequence[str] | None = None,
                      is_active: bool | None = None) -> User:
    admin = require_admin(viewer)
    try:
        target_id = int(str(user_id))
        if not 0 < target_id <= _ID_MAX:
            raise ValueError
    except ValueError:
        raise DomainError(C.NOT_FOUND, "No such user.", "id") from None
    errors: list[DomainError] = []
    new_role = codes = None
    try:
        new_role = parse_role(role) if role is not None else None
    except DomainError as exc:
        errors.append(exc)
    departments: list[Department] | None = None
    try:
        if department_codes is not None:
            codes = clean_codes(department_codes)
            departments = await departments_for(codes)
    except DomainError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    target = await User.get_or_none(id=target_id)
    if target is None:
        raise DomainError(C.NOT_FOUND, "No such user.", "id")

    final_role = new_role or Role(target.role)
    if target.id == admin.id:
        if new_role is not None and new_role != Role(target.role):
            raise DomainError(C.OWN_ACCOUNT, "You cannot change your own role: ask another admin.", "role")
        if is_active is False:
            raise DomainError(C.OWN_ACCOUNT, "You cannot deactivate your own account: ask another admin.", "isActive")
    if final_role not in STAFF_ROLES and departments:
        raise DomainError(C.INVALID, "Citizens do not belong to departments: choose a staff role or no department.",
                          "departmentCodes")

    now = datetime.now(timezone.utc)
    async with in_transaction() as conn:
        target = await User.filter(id=target_id).using_db(conn).select_for_update().first()
        before_codes = await _department_codes(target.id, conn)
        before = _snapshot(target, before_codes)
        losing_admin = Role(target.role) == Role.ADMIN and target.is_active and (
            final_role != Role.ADMIN or is_active is False)
        if losing_admin:
            await _refuse_losing_last_admin(target, conn)
        # A citizen holds no departments: making someone a citizen takes them out of theirs.
        after_codes = [] if final_role not in STAFF_ROLES else (codes if codes is not None else before_codes)
        updates: dict = {}
        if final_role != Role(target.role):
            updates["role"] = final_role
        if is_active is not None and is_active != target.is_active:
            updates["is_active"] = is_active
        if updates:
            await User.filter(id=target.id).using_db(conn).update(**updates, updated_at=now)
        if after_codes != before_codes:
            await target.departments.clear(using_db=conn)
            wanted = departments if codes is not None else await Department.filter(code__in=after_codes).using_db(conn)
            if wanted:
                await target.departments.add(*wanted, using_db=conn)
        after = {"role": final_role.value, "departments": after_codes,
                 "is_active": updates.get("is_active", target.is_active)}
        label = f"user:{target.id}"
        old, new = changes({k: before[k] for k in ("role", "departments")}, {k: after[k] for k in ("role", "departments")})
        if old or new:
            await record(admin.id, AuditAction.USER_UPDATED, label, before=old, after=new, using_db=conn)
        if "is_active" in updates:
            if is_active:
                await record(admin.id, AuditAction.USER_REACTIVATED, label, before={"is_active": False},
                             after={"is_active": True}, using_db=conn)
            else:
                revoked = await AuthToken.filter(user_id=target.id, revoked_at=None).using_db(conn).update(revoked_at=now)
                await record(admin.id, AuditAction.USER_DEACTIVATED, label, before={"is_active": True},
                             after={"is_active": False, "sessions_revoked": revoked}, using_db=conn)
    if updates:
        writes.bump()  # an agenda's history shows its actors with their role (server/ops/writes.py)
    return await User.get(id=target_id)
