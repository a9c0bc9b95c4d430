"""Reading agendas: filtered, visibility-restricted, keyset-paginated lists.

Pagination is by keyset (``WHERE (sort, id) < cursor``), not OFFSET: page 500 costs what page 1
costs, and an agenda proposed while someone pages does not shift what they see next."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from tortoise.expressions import Q

from server.accountability.deadlines import owes_answer_q
from server.agendas import counts
from server.db import Row
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.filter import AgendaFilter, filter_q
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer, may_read_every_queue, may_read_queue, visible_q
from server.agendas.routing import OwnerKind
from server.agendas.validation import clean_department_code
from server.errors import DomainError
from server.i18n import msg


class AgendaOrder(str, Enum):
    NEWEST = "NEWEST"
    MOST_SUPPORTED = "MOST_SUPPORTED"
    OLDEST = "OLDEST"


class AgendaRow(Row):
    """An agenda read for a list with only the columns the caller will show (``columns=`` of the list
    functions; ``Row``). A page of 100 agendas as full models builds 42 columns a row (three JSON
    documents decoded, every timestamp parsed) to show five of them."""


@dataclass
class Page:
    items: list[Agenda] | list[AgendaRow]
    cursors: list[str]
    has_next: bool
    total_count_query: object  # awaited lazily: only when the client asks for totalCount


_URLSAFE = bytes.maketrans(b"+/", b"-_")


def encode_cursors(order: AgendaOrder, agendas: Sequence[Agenda | AgendaRow]) -> list[str]:
    """The cursors of a page's agendas (``base64.urlsafe_b64encode`` of ``order:key:id``, unpadded),
    written out for a hundred at a time."""
    prefix = f"{order.value}:"
    b64 = binascii.b2a_base64
    if order == AgendaOrder.MOST_SUPPORTED:
        raw = [f"{prefix}{a.support_count}:{a.id}" for a in agendas]
    else:
        raw = [f"{prefix}0:{a.id}" for a in agendas]
    return [b64(r.encode(), newline=False).translate(_URLSAFE).decode().rstrip("=") for r in raw]


_CURSOR_MAX = 200
_BIGINT = 2**63  # ids and counts are 64-bit columns; a larger number must not reach the database


def decode_cursor(order: AgendaOrder, cursor: str) -> tuple[int, int]:
    """A cursor is opaque to clients but not trusted: one edited to carry a number beyond the
    columns' range is refused like any other bad cursor."""
    try:
        if len(cursor) > _CURSOR_MAX:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, key, pk = raw.split(":")
        key_, pk_ = int(key), int(pk)
        if name != order.value or not 0 <= key_ < _BIGINT or not 0 <= pk_ < _BIGINT:
            raise ValueError
        return key_, pk_
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID_CURSOR, "The cursor is not valid for this ordering; start from the first page.",
                          "after") from None


async def list_agendas(viewer: Viewer, f: AgendaFilter, *, order: AgendaOrder = AgendaOrder.NEWEST,
                       first: int = 20, after: str | None = None, max_page: int = 100,
                       columns: Sequence[str] | None = None) -> Page:
    """``columns``: read only these (the page's items are then ``AgendaRow``s); None: whole models."""
    if first < 0 or first > max_page:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=max_page), "first")
    page = await _keyset_page(Agenda.filter(await filter_q(viewer, f)), order, first=first, after=after,
                              columns=columns)
    # server/agendas/counts.py
    page.total_count_query = counts.LazyCount(counts.list_key(viewer, f), page.total_count_query)
    return page


def page_columns(columns: Sequence[str] | None, *needed: str) -> tuple[str, ...] | None:
    """``columns`` plus what the list itself reads (its cursor's keys), in a stable order; None stays
    None (whole models)."""
    if columns is None:
        return None
    return tuple(dict.fromkeys(("id", *needed, *columns)))


async def _rows(query, columns: Sequence[str] | None) -> list[Agenda] | list[AgendaRow]:
    if columns is None:
        return await query
    return [AgendaRow(values) for values in await query.values(*columns)]


async def _keyset_page(base, order: AgendaOrder, *, first: int, after: str | None,
                       columns: Sequence[str] | None = None) -> Page:
    page = base
    if after:
        key, pk = decode_cursor(order, after)
        if order == AgendaOrder.MOST_SUPPORTED:
            page = page.filter(Q(support_count__lt=key) | Q(support_count=key, id__lt=pk))
        elif order == AgendaOrder.OLDEST:
            page = page.filter(id__gt=pk)
        else:
            page = page.filter(id__lt=pk)
    ordering = {AgendaOrder.NEWEST: ("-id",), AgendaOrder.OLDEST: ("id",),
                AgendaOrder.MOST_SUPPORTED: ("-support_count", "-id")}[order]
    columns = page_columns(columns, "support_count")  # the MOST_SUPPORTED cursor's key
    rows = await _rows(page.order_by(*ordering).limit(first + 1), columns) if first else []
    has_next = len(rows) > first
    rows = rows[:first]
    return Page(items=rows, cursors=encode_cursors(order, rows), has_next=has_next,
                total_count_query=base.count())


# ---------------------------------------------------------------- the triage inbox

# The inbox is read in three segments, each in (answer_due_at, id) order: overdue agendas first (the
# longest overdue at the top), then the rest by due date, then those without a due date (waiting for
# the proposer's answer, the clock stopped). Portable keyset paging, where SQLite and PostgreSQL
# disagree on where NULLs sort: a page reads its cursor's segment and, when that runs out, the next —
# at most three index-ordered queries whatever the page.
_OVERDUE, _DUE, _NO_DUE = 0, 1, 2
_SEGMENTS = {
    _OVERDUE: Q(overdue=True, answer_due_at__isnull=False),
    _DUE: Q(overdue=False, answer_due_at__isnull=False),
    _NO_DUE: Q(answer_due_at__isnull=True),
}
_INBOX = "INBOX"


def _inbox_cursor(segment: int, agenda: Agenda | AgendaRow) -> str:
    due = agenda.answer_due_at.isoformat() if agenda.answer_due_at else ""
    return base64.urlsafe_b64encode(f"{_INBOX}|{segment}|{due}|{agenda.id}".encode()).decode().rstrip("=")


def _decode_inbox_cursor(cursor: str) -> tuple[int, datetime | None, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, segment, due, pk = raw.split("|")
        if name != _INBOX or int(segment) not in _SEGMENTS:
            raise ValueError
        when = datetime.fromisoformat(due) if due else None
        if (when is None) != (int(segment) == _NO_DUE) or (when is not None and when.tzinfo is None):
            raise ValueError
        if len(cursor) > 200 or not 0 < int(pk) < 2**63:
            raise ValueError
        if when is not None:
            when = when.astimezone(timezone.utc)  # also refuses an instant outside years 1–9999
        return int(segment), when, int(pk)
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID_CURSOR, "The cursor is not valid for this ordering; start from the first page.",
                          "after") from None


async def triage_queue(viewer: Viewer, department_code: str | None, *, first: int = 50, after: str | None = None,
                       max_page: int = 100, overdue_only: bool = False, all_departments: bool = False,
                       columns: Sequence[str] | None = None) -> Page:
    """What waits for its owner — a decision, or an official answer owed — ordered by answer due date,
    overdue first, those without a due date last, ties by id. ``overdue_only`` keeps the overdue ones;
    ``all_departments`` (the officer and admins) reads every owner's inbox at once: the officer's view
    of every department's overdue agendas is ``overdue_only`` with ``all_departments``. Its total is
    cached like the agenda lists' (server/agendas/counts.py), per queue."""
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if first < 0 or first > max_page:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=max_page), "first")
    q = owes_answer_q()
    if all_departments:
        if department_code:
            raise DomainError(C.INVALID, "Ask for one department's queue or for all departments, not both.",
                              "departmentCode")
        if not may_read_every_queue(viewer):
            raise DomainError(C.FORBIDDEN, "Only the Social Innovation Officer and admins see every department's queue.",
                              "allDepartments")
        owner = "all"
    elif department_code:
        dept = await Department.get_or_none(code=clean_department_code(department_code))
        if dept is None:
            raise DomainError(C.UNKNOWN_DEPARTMENT, "No such department.", "departmentCode")
        if not may_read_queue(viewer, dept.id):
            raise DomainError(C.FORBIDDEN, "This queue belongs to another department.", "departmentCode")
        q &= Q(owner_kind=OwnerKind.DEPARTMENT.value, owner_department_id=dept.id)
        owner = dept.id
    else:
        if not may_read_queue(viewer, None):
            raise DomainError(C.FORBIDDEN, "This queue belongs to another department.", "departmentCode")
        q &= Q(owner_kind=OwnerKind.INNOVATION_OFFICER.value)
        owner = OwnerKind.INNOVATION_OFFICER.value
    if overdue_only:
        q &= Q(overdue=True)
    base = Agenda.filter(q)

    columns = page_columns(columns, "answer_due_at")  # the cursor's key
    segment, due, pk = _decode_inbox_cursor(after) if after else (_OVERDUE, None, 0)
    items: list[Agenda] = []
    cursors: list[str] = []
    while segment in _SEGMENTS and len(items) <= first and first:
        page = base.filter(_SEGMENTS[segment])
        if pk and segment == _NO_DUE:
            page = page.filter(id__gt=pk)
        elif pk:
            page = page.filter(Q(answer_due_at__gt=due) | Q(answer_due_at=due, id__gt=pk))
        order = ("id",) if segment == _NO_DUE else ("answer_due_at", "id")
        rows = await _rows(page.order_by(*order).limit(first + 1 - len(items)), columns)
        items += rows
        cursors += [_inbox_cursor(segment, a) for a in rows]
        segment, pk = segment + 1, 0
    has_next = len(items) > first
    return Page(items=items[:first], cursors=cursors[:first], has_next=has_next,
                total_count_query=counts.LazyCount(counts.queue_key(owner, overdue_only), base.count()))


async def followed_agendas(viewer: Viewer, *, first: int = 20, after: str | None = None,
                           max_page: int = 100, columns: Sequence[str] | None = None) -> Page:
    """The agendas a person follows (supporting follows too) that they did not propose themselves,
    newest first: their own proposals have their own list, and following one's own is redundant.
    An agenda that left the viewer's sight (made internal) drops out rather than leaking."""
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if first < 0 or first > max_page:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=max_page), "first")
    base = Agenda.filter(follows__user_id=viewer.user.id).exclude(proposer_id=viewer.user.id)
    visible = visible_q(viewer)
    if visible is not None:
        base = base.filter(visible)
    return await _keyset_page(base, AgendaOrder.NEWEST, first=first, after=after, columns=columns)
