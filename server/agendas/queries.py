"""Reading agendas: filtered, visibility-restricted, keyset-paginated lists.

Pagination is by keyset (``WHERE (sort, id) < cursor``), not OFFSET: page 500 costs what page 1
costs, and an agenda proposed while someone pages does not shift what they see next."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import Enum

from tortoise.expressions import Q

from server.agendas.enums import AgendaStatus as S
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.filter import AgendaFilter, filter_q
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer, may_read_queue, visible_q
from server.agendas.routing import OwnerKind
from server.agendas.validation import clean_department_code
from server.errors import DomainError
from server.i18n import msg


class AgendaOrder(str, Enum):
    NEWEST = "NEWEST"
    MOST_SUPPORTED = "MOST_SUPPORTED"
    OLDEST = "OLDEST"


@dataclass
class Page:
    items: list[Agenda]
    cursors: list[str]
    has_next: bool
    total_count_query: object  # awaited lazily: only when the client asks for totalCount


def encode_cursor(order: AgendaOrder, agenda: Agenda) -> str:
    key = agenda.support_count if order == AgendaOrder.MOST_SUPPORTED else 0
    return base64.urlsafe_b64encode(f"{order.value}:{key}:{agenda.id}".encode()).decode().rstrip("=")


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
                       first: int = 20, after: str | None = None, max_page: int = 100) -> Page:
    if first < 0 or first > max_page:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=max_page), "first")
    return await _keyset_page(Agenda.filter(await filter_q(viewer, f)), order, first=first, after=after)


async def _keyset_page(base, order: AgendaOrder, *, first: int, after: str | None) -> Page:
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
    rows = await page.order_by(*ordering).limit(first + 1) if first else []
    has_next = len(rows) > first
    rows = rows[:first]
    return Page(items=rows, cursors=[encode_cursor(order, a) for a in rows], has_next=has_next,
                total_count_query=base.count())


async def triage_queue(viewer: Viewer, department_code: str | None, *, first: int = 50, after: str | None = None,
                       max_page: int = 100) -> Page:
    """What waits for a decision: agendas in triage or waiting for information, oldest first
    (the longest-waiting proposer is answered first)."""
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    dept_id = None
    code = clean_department_code(department_code)
    if code:
        dept = await Department.get_or_none(code=code)
        if dept is None:
            raise DomainError(C.UNKNOWN_DEPARTMENT, "No such department.", "departmentCode")
        dept_id = dept.id
    if not may_read_queue(viewer, dept_id):
        raise DomainError(C.FORBIDDEN, "This queue belongs to another department.", "departmentCode")
    waiting = (S.IN_TRIAGE.value, S.NEEDS_INFO.value)
    if dept_id is None:
        f = AgendaFilter(statuses=waiting, owner_kind=OwnerKind.INNOVATION_OFFICER.value)
    else:
        f = AgendaFilter(statuses=waiting, owner_kind=OwnerKind.DEPARTMENT.value, department_codes=(code,))
    return await list_agendas(viewer, f, order=AgendaOrder.OLDEST, first=first, after=after, max_page=max_page)


async def followed_agendas(viewer: Viewer, *, first: int = 20, after: str | None = None,
                           max_page: int = 100) -> Page:
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
    return await _keyset_page(base, AgendaOrder.NEWEST, first=first, after=after)
