"""Meilisearch filter expressions, written only here, from typed input.

User text never becomes filter syntax: every value is a quoted string literal with ``\\`` and
``"`` escaped (or an integer), attributes come from a fixed list, and operators are written here. A
value such as ``x" OR status = "REJECTED`` therefore stays one (non-matching) value."""

from __future__ import annotations

from collections.abc import Iterable

from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import Visibility
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.filter import AgendaFilter
from server.agendas.policy import Viewer
from server.errors import DomainError

ALLOWED = frozenset({"field", "status", "channel", "visibility", "district", "owner_kind", "department_code",
                     "proposer_id", "origin", "year", "quarter"})
# Statuses a duplicate may still have: a citizen is pointed at an agenda that lives, not a rejected one.
ALIVE = (S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value, S.IN_PROGRESS.value, S.COMPLETED.value)


def quote(value: str) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _literal(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    return quote(value)


def any_of(attribute: str, values: Iterable) -> str | None:
    if attribute not in ALLOWED:
        raise ValueError(f"not a filterable attribute: {attribute}")
    values = [v for v in values if v is not None]
    if not values:
        return None
    return f"{attribute} IN [{', '.join(_literal(v) for v in values)}]"


def equals(attribute: str, value) -> str:
    if attribute not in ALLOWED:
        raise ValueError(f"not a filterable attribute: {attribute}")
    return f"{attribute} = {_literal(value)}"


def all_of(parts: Iterable[str | None]) -> str | None:
    parts = [p for p in parts if p]
    if not parts:
        return None
    return " AND ".join(f"({p})" for p in parts)


def visible(viewer: Viewer) -> str | None:
    """The public rule (PUBLIC and routed) plus the caller's own agendas; staff see everything."""
    if viewer.is_staff:
        return None
    public = f"{equals('visibility', Visibility.PUBLIC.value)} AND status != {quote(S.SUBMITTED.value)}"
    if viewer.user is None:
        return public
    return f"({public}) OR {equals('proposer_id', viewer.user.id)}"


def agendas(viewer: Viewer, f: AgendaFilter) -> str | None:
    """The agenda filter in the index's terms. Dates are not indexed as filterable attributes (each
    costs indexing time), so a filter with dates is refused rather than silently widened."""
    if f.created_after or f.created_before:
        raise DomainError(C.INVALID, "Search does not filter by date; use the agendas list.", "filter")
    mine = None
    if f.mine:
        if viewer.user is None:
            raise DomainError(C.NOT_AUTHENTICATED, "Log in to see your own agendas.", "mine")
        mine = equals("proposer_id", viewer.user.id)
    return all_of([
        visible(viewer),
        any_of("field", f.fields), any_of("status", f.statuses), any_of("channel", f.channels),
        any_of("department_code", f.department_codes), any_of("district", f.districts),
        any_of("owner_kind", [f.owner_kind] if f.owner_kind else []), mine,
    ])


def likely_duplicates() -> str:
    """What ``similarAgendas`` may suggest to anyone: public agendas that are still alive."""
    return all_of([equals("visibility", Visibility.PUBLIC.value), any_of("status", ALIVE)])


def topic(filters: dict[str, list]) -> str | None:
    """A secondary index's filter: each attribute any of its (typed) values."""
    return all_of(any_of(attribute, values) for attribute, values in filters.items())
