"""Reading agendas: filtered, visibility-restricted, keyset-paginated lists.

Pagination is by keyset (``WHERE (sort, id) < cursor``), not OFFSET: page 500 costs what page 1
costs, and an agenda proposed while someone pages does not shift what they see next."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tortoise.expressions import Q

from server.agendas.enums import AgendaStatus as S
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer, may_read_queue, visible_q
from server.agendas.routing import OwnerKind
from server.errors import DomainError
from server.i18n import msg


class AgendaOrder(str, Enum):
    NEWEST = "NEWEST"
    MOST_SUPPORTED = "MOST_SUPPORTED"
    OLDEST = "OLDEST"


@dataclass
class AgendaFilter:
    fields: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    department_codes: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    owner_kind: str | None = None
    mine: bool = False
    created_after: datetime | None = None
    created_before: datetime | None = None


@dataclass
class Page:
    items: list[Agenda]
    cursors: list[str]
    has_next: bool
    total_count_query: object  # awaited lazily: only when the client asks for totalCount


def encode_cursor(order: AgendaOrder, agenda: Agenda) -> str:
    key = agenda.support_count if order == AgendaOrder.MOST_SUPPORTED else 0
    return base64.urlsafe_b64encode(f"{order.value}:{key}:{agenda.id}".encode()).decode().rstrip("=")


def decode_cursor(order: AgendaOrder, cursor: str) -> tuple[int, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, key, pk = raw.split(":")
        if name != order.value:
            raise ValueError
        return int(key), int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID, "The cursor is not valid for this ordering; start from the first page.", "after") from None


async def _filter_q(viewer: Viewer, f: AgendaFilter) -> Q:
    q = Q()
    vq = visible_q(viewer)
    if vq is not None:
        q &= vq
    if f.fields:
        q &= Q(field__in=f.fields)
    if f.statuses:
        q &= Q(status__in=f.statuses)
    if f.channels:
        q &= Q(channel__in=f.channels)
    if f.districts:
        q &= Q(district__in=f.districts)
    if f.owner_kind:
        q &= Q(owner_kind=f.owner_kind)
    if f.department_codes:
        ids = list(await Department.filter(code__in=[c.upper() for c in f.department_codes]).values_list("id", flat=True))
        q &= Q(owner_department_id__in=ids or [0])
    if f.mine:
        if viewer.user is None:
            raise DomainError(C.NOT_AUTHENTICATED, "Log in to see your own agendas.", "mine")
        q &= Q(proposer_id=viewer.user.id)
    if f.created_after:
        q &= Q(created_at__gte=f.created_after)
    if f.created_before:
        q &= Q(created_at__lt=f.created_before)
    return q


async def list_agendas(viewer: Viewer, f: AgendaFilter, *, order: AgendaOrder = AgendaOrder.NEWEST,
                       first: int = 20, after: str | None = None, max_page: int = 100) -> Page:
    if first < 0 or first > max_page:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=max_page), "first")
    base = Agenda.filter(await _filter_q(viewer, f))
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
    if department_code:
        dept = await Department.get_or_none(code=department_code.strip().upper())
        if dept is None:
            raise DomainError(C.UNKNOWN_DEPARTMENT, "No such department.", "departmentCode")
        dept_id = dept.id
    if not may_read_queue(viewer, dept_id):
        raise DomainError(C.FORBIDDEN, "This queue belongs to another department.", "departmentCode")
    f = AgendaFilter(statuses=[S.IN_TRIAGE.value, S.NEEDS_INFO.value])
    if dept_id is None:
        f.owner_kind = OwnerKind.INNOVATION_OFFICER.value
    else:
        f.owner_kind = OwnerKind.DEPARTMENT.value
        f.department_codes = [department_code.strip().upper()]
    return await list_agendas(viewer, f, order=AgendaOrder.OLDEST, first=first, after=after, max_page=max_page)
