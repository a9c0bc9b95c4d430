"""Reading the audit log for the admin page: admins only, opaque cursors, bounded pages. The log
names people and what was done to their accounts, so nobody else reads it."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from server.accounts.roles import Role
from server.audit.actions import AuditAction
from server.audit.errors import AuditErrorCode as C
from server.audit.log import AuditQuery, page
from server.audit.models import AuditEntry
from server.errors import DomainError
from server.i18n import msg

MAX_PAGE = 100
_ID_MAX = 2**63 - 1


@dataclass
class AuditPage:
    items: list[AuditEntry]
    cursors: list[str]
    has_next: bool


def cursor_of(entry: AuditEntry) -> str:
    return base64.urlsafe_b64encode(f"A:{entry.id}".encode()).decode().rstrip("=")


def _id(raw: str, prefix: str, field: str, limit: int = _ID_MAX) -> int:
    try:
        if prefix:
            raw = base64.urlsafe_b64decode(raw[:40] + "=" * (-len(raw[:40]) % 4)).decode()
            name, raw = raw.split(":")
            if name != prefix:
                raise ValueError
        value = int(raw[:20])
        if not 0 < value <= limit:
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        if prefix:
            raise DomainError(C.INVALID, "The cursor is not valid; start from the first page.", field) from None
        raise DomainError(C.INVALID, "No such user.", field) from None


async def read_log(viewer, *, first: int = 50, after: str | None = None, actor: str | None = None,
                   action: str | None = None) -> AuditPage:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if viewer.user.role != Role.ADMIN:
        raise DomainError(C.FORBIDDEN, "Only admins read the audit log.")
    if not 0 <= first <= MAX_PAGE:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} entries at a time.", max=MAX_PAGE), "first")
    query = AuditQuery(first=first, after_id=_id(after, "A", "after") if after else None,
                       actor_id=_id(str(actor), "", "actor", 2**31 - 1) if actor else None,
                       action=AuditAction(action) if action else None)
    items, more = await page(query)
    return AuditPage(items=items, cursors=[cursor_of(e) for e in items], has_next=more)
