"""A person's own notifications: newest first, keyset-paged, marked read by id or all at once, and
the preferences that decide how they arrive. Nobody reads or marks another person's notifications:
an id that is not the caller's is NOT_FOUND, exactly like one that does not exist."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timezone

from server.accounts.models import User
from server.errors import DomainError, ValidationErrors
from server.i18n import LANGUAGES, msg
from server.notifications.errors import NotificationErrorCode as C
from server.notifications.models import Notification

MAX_PAGE = 100
MAX_IDS = 100
EMAIL_PREFERENCES = ("IMMEDIATE", "DAILY_DIGEST", "OFF")
_ID_MAX = 2**63 - 1


@dataclass
class NotificationPage:
    items: list[Notification]
    cursors: list[str]
    has_next: bool


def _user(viewer) -> User:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    return viewer.user


def _cursor(n: Notification) -> str:
    return base64.urlsafe_b64encode(f"N:{n.id}".encode()).decode().rstrip("=")


def _after(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, pk = raw.split(":")
        value = int(pk)
        if name != "N" or not 0 < value <= _ID_MAX:
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID, "The cursor is not valid; start from the first page.", "after") from None


async def list_notifications(viewer, *, first: int = 20, after: str | None = None,
                             unread_only: bool = False) -> NotificationPage:
    user = _user(viewer)
    if not 0 <= first <= MAX_PAGE:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} notifications at a time.", max=MAX_PAGE), "first")
    q = Notification.filter(user_id=user.id)
    if unread_only:
        q = q.filter(read_at__isnull=True)
    if after:
        q = q.filter(id__lt=_after(after))
    rows = await q.order_by("-id").limit(first + 1)
    items = rows[:first]
    return NotificationPage(items=items, cursors=[_cursor(n) for n in items], has_next=len(rows) > first)


async def unread_count(viewer) -> int:
    if viewer.user is None:
        return 0
    return await Notification.filter(user_id=viewer.user.id, read_at__isnull=True).count()


async def mark_read(viewer, *, ids: list | None = None, all_: bool = False) -> int:
    """Marks the caller's notifications read; returns how many changed. Either ``all`` or ``ids``
    (at most 100); one unknown or foreign id refuses the whole request and nothing is written."""
    user = _user(viewer)
    now = datetime.now(timezone.utc)
    if all_:
        return await Notification.filter(user_id=user.id, read_at__isnull=True).update(read_at=now)
    ids = list(ids or [])
    if not ids:
        raise DomainError(C.INVALID, "Name the notifications to mark read, or mark all.", "ids")
    if len(ids) > MAX_IDS:
        raise DomainError(C.TOO_MANY_VALUES, msg("Mark at most {max} notifications at a time.", max=MAX_IDS), "ids")
    wanted: set[int] = set()
    for raw in ids:
        try:
            value = int(str(raw))
        except ValueError:
            value = 0
        if not 0 < value <= _ID_MAX:
            raise DomainError(C.NOT_FOUND, "No such notification.", "ids")
        wanted.add(value)
    mine = set(await Notification.filter(user_id=user.id, id__in=sorted(wanted)).values_list("id", flat=True))
    if mine != wanted:
        raise DomainError(C.NOT_FOUND, "No such notification.", "ids")
    return await Notification.filter(user_id=user.id, id__in=sorted(wanted), read_at__isnull=True).update(read_at=now)


@dataclass
class Preferences:
    email: str
    language: str


async def preferences(viewer) -> Preferences:
    user = _user(viewer)
    return Preferences(email=user.email_preference, language=user.language)


async def update_preferences(viewer, *, email: str | None = None, language: str | None = None) -> Preferences:
    user = _user(viewer)
    errors: list[DomainError] = []
    if email is not None and email not in EMAIL_PREFERENCES:
        errors.append(DomainError(C.INVALID, "E-mail is IMMEDIATE, DAILY_DIGEST or OFF.", "email"))
    if language is not None and language not in LANGUAGES:
        errors.append(DomainError(C.INVALID, "The language is ko or en.", "language"))
    if errors:
        raise ValidationErrors(errors)
    changes = {}
    if email is not None:
        changes["email_preference"] = email
    if language is not None:
        changes["language"] = language
    if changes:
        await User.filter(id=user.id).update(**changes, updated_at=datetime.now(timezone.utc))
        for name, value in changes.items():
            setattr(user, name, value)
    return Preferences(email=user.email_preference, language=user.language)
