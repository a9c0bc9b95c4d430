"""Writing and reading the audit log. ``record`` is called inside the transaction of the action it
records (pass its connection as ``using_db``); ``changes`` keeps only what differs, so an entry
says what changed rather than repeating the whole record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.audit.actions import AuditAction
from server.audit.models import AuditEntry
from server.ops.context import current_request_id


def changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys whose values differ, as (before, after)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


async def record(actor_id: int | None, action: AuditAction, target: str, *, before: dict | None = None,
                 after: dict | None = None, using_db=None, request_id: str | None = None) -> AuditEntry:
    return await AuditEntry.create(
        actor_id=actor_id, action=action.value, target=target[:120], before=before, after=after,
        request_id=request_id if request_id is not None else current_request_id.get(),
        using_db=using_db)


@dataclass(frozen=True)
class AuditQuery:
    """A page of the log, newest first, by keyset on id."""
    first: int = 50
    after_id: int | None = None
    actor_id: int | None = None
    action: AuditAction | None = None


async def page(q: AuditQuery) -> tuple[list[AuditEntry], bool]:
    rows = AuditEntry.all()
    if q.actor_id is not None:
        rows = rows.filter(actor_id=q.actor_id)
    if q.action is not None:
        rows = rows.filter(action=q.action.value)
    if q.after_id is not None:
        rows = rows.filter(id__lt=q.after_id)
    found = await rows.order_by("-id").limit(q.first + 1).prefetch_related("actor")
    return found[: q.first], len(found) > q.first
