"""What a search answers, whichever source answered it (the index, or the database while the index
is unreachable)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda
from server.errors import DomainError
from server.i18n import msg

QUERY_MAX = 200
MAX_FIRST = 100
MAX_OFFSET = 1000


class SearchSort(str, Enum):
    RELEVANCE = "RELEVANCE"
    NEWEST = "NEWEST"
    MOST_SUPPORTED = "MOST_SUPPORTED"


@dataclass
class Hit:
    agenda: Agenda
    highlights: dict[str, str]


@dataclass
class SearchResult:
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    estimated_total: int
    processing_time_ms: int
    degraded: bool


@dataclass
class SimpleResult:
    """A secondary index's answer: ids in rank order (the caller loads its own rows)."""

    ids: list[int]
    facets: dict[str, dict[str, int]]
    estimated_total: int
    degraded: bool


def check_query(query: str, first: int, offset: int) -> str:
    query = (query or "").strip()
    if len(query) > QUERY_MAX:
        raise DomainError(C.TOO_LONG, msg("A search has at most {max} characters.", max=QUERY_MAX), "query")
    if not 0 <= first <= MAX_FIRST:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} results.", max=MAX_FIRST), "first")
    if not 0 <= offset <= MAX_OFFSET:
        raise DomainError(C.INVALID, msg("Search pages go up to offset {max}; narrow the search with filters.", max=MAX_OFFSET), "offset")
    return query
