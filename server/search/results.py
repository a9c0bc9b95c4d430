"""What a search answers, whichever source answered it (the index, or the database while the index
is unreachable)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda
from server.errors import DomainError

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
        raise DomainError(C.TOO_LONG, f"A search has at most {QUERY_MAX} characters.", "query")
    if not 0 <= first <= MAX_FIRST:
        raise DomainError(C.INVALID, f"Ask for between 0 and {MAX_FIRST} results.", "first")
    if not 0 <= offset <= MAX_OFFSET:
        raise DomainError(C.INVALID, f"Search pages go up to offset {MAX_OFFSET}; narrow the search with filters.", "offset")
    return query
