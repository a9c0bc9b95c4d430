"""Optimistic concurrency: a change names the version it was based on and is applied with
``UPDATE … WHERE id = ? AND version = ?``. Of two officials triaging the same agenda at once,
the database lets exactly one update match; the other gets VERSION_CONFLICT with the version it
should reload, never a silent overwrite."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timezone

from tortoise.transactions import in_transaction

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda
from server.errors import DomainError
from server.i18n import msg


async def load_for_update(agenda_id: int | str | None) -> Agenda | None:
    try:
        pk = int(agenda_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if pk <= 0 or pk > 2**31 - 1:
        return None
    return await Agenda.get_or_none(id=pk)


async def load_visible(viewer, agenda_id, *, login_message: str = "You must be logged in.") -> Agenda:
    """The agenda a logged-in caller acts on; one that does not exist and one they may not see look
    the same (NOT_FOUND), so ids reveal nothing."""
    from server.agendas.policy import can_view

    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, login_message)
    agenda = await load_for_update(agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such agenda.", "id")
    return agenda


def conflict(current_version: int) -> DomainError:
    return DomainError(
        C.VERSION_CONFLICT,
        msg("Someone else changed this agenda meanwhile (it is now at version {version}); "
            "reload it to see what changed, then decide again.", version=current_version),
        "expectedVersion",
    )


def check_version(agenda: Agenda, expected_version: int) -> None:
    """A decision based on an old version is a conflict before anything else: an official whose
    page is stale must hear "someone changed it" (and see what), not "this is no longer allowed",
    which is only true because of the change they have not seen."""
    if expected_version != agenda.version:
        raise conflict(agenda.version)


async def apply_change(agenda: Agenda, expected_version: int, updates: dict,
                       events: Callable[[object], Awaitable[None]] | None = None) -> Agenda:
    if expected_version != agenda.version:
        raise conflict(agenda.version)
    now = datetime.now(timezone.utc)
    values = {**updates, "version": expected_version + 1, "updated_at": now}
    if "status" in updates and updates["status"] != agenda.status:
        values["status_changed_at"] = now
    async with in_transaction() as conn:
        changed = await Agenda.filter(id=agenda.id, version=expected_version).using_db(conn).update(**values)
        if changed == 0:
            current = await Agenda.filter(id=agenda.id).using_db(conn).values_list("version", flat=True)
            raise conflict(current[0] if current else expected_version)
        if events is not None:
            await events(conn)
    for name, value in values.items():
        setattr(agenda, name, value)
    return agenda
