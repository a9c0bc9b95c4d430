"""The ``.eml`` files the embedded default writes instead of sending (``<data>/mail/``), for admins:
a listing (newest first: recipient, subject, date, the start of the text) and one file's raw bytes.
Only admins read them — they hold other people's addresses and live password-reset links."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email import message_from_binary_file
from email.policy import default as DEFAULT_POLICY
from email.utils import parsedate_to_datetime
from pathlib import Path

from server.accounts.roles import Role
from server.errors import DomainError
from server.i18n import msg
from server.mail.errors import MailErrorCode as C

MAX_LIST = 200
PREVIEW_CHARS = 200
_NAME = re.compile(r"^[0-9]{8}T[0-9]{12}Z-[A-Za-z0-9._-]{1,200}\.eml$")


@dataclass(frozen=True)
class StoredMail:
    name: str
    recipient: str
    subject: str
    date: datetime
    preview: str
    size: int


def _require_admin(viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.FORBIDDEN, "Log in as an administrator to read outgoing mail.")
    if Role(viewer.user.role) != Role.ADMIN:
        raise DomainError(C.FORBIDDEN, "Only administrators can read outgoing mail.")


def _read(path: Path) -> StoredMail:
    with open(path, "rb") as fh:
        message = message_from_binary_file(fh, policy=DEFAULT_POLICY)
    try:
        date = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        date = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    preview = " ".join(text.split())[:PREVIEW_CHARS]
    return StoredMail(name=path.name, recipient=str(message["To"] or ""), subject=str(message["Subject"] or ""),
                      date=date, preview=preview, size=path.stat().st_size)


def _list(directory: Path, first: int) -> list[StoredMail]:
    if not directory.is_dir():
        return []
    names = sorted((p.name for p in directory.iterdir() if _NAME.match(p.name)), reverse=True)[:first]
    out = []
    for name in names:
        try:
            out.append(_read(directory / name))
        except OSError:
            continue  # removed meanwhile
    return out


async def list_stored(viewer, settings, *, first: int = 50) -> list[StoredMail]:
    _require_admin(viewer)
    if not 0 <= first <= MAX_LIST:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} messages at a time.", max=MAX_LIST), "first")
    return await asyncio.to_thread(_list, settings.mail_dir, first)


async def raw(viewer, settings, name: str) -> bytes:
    """The file's bytes; a name that is not one of ours (a path, ``..``) is NOT_FOUND like a missing one."""
    _require_admin(viewer)
    if not _NAME.match(name or ""):
        raise DomainError(C.NOT_FOUND, "No such message.", "name")
    path = settings.mail_dir / name
    try:
        return await asyncio.to_thread(path.read_bytes)
    except OSError:
        raise DomainError(C.NOT_FOUND, "No such message.", "name") from None
