from __future__ import annotations

import strawberry

from server.agendas.filter import AgendaFilter, clean_filter
from server.search.results import SearchSort as SearchSortEnum
from schema.agendas.types import Agenda, AgendaStatus, Channel, OwnerKind, PolicyField

SearchSort = strawberry.enum(SearchSortEnum, name="SearchSort")


@strawberry.type(description="Matched words wrapped in <mark>; everything else HTML-escaped, safe to render as HTML.")
class SearchHighlights:
    title: str
    body: str


@strawberry.type
class SearchHit:
    agenda: Agenda
    highlights: SearchHighlights


@strawberry.type
class FacetCount:
    value: str
    count: int


@strawberry.type(description="How many matches fall in each value, for filter chips.")
class SearchFacets:
    field: list[FacetCount]
    status: list[FacetCount]
    channel: list[FacetCount]
    department: list[FacetCount]
    district: list[FacetCount]


@strawberry.type
class SearchResult:
    hits: list[SearchHit]
    facets: SearchFacets
    estimated_total: int
    processing_time_ms: int
    degraded: bool = strawberry.field(
        description="True when the answer came from the database because the search engine was unreachable.")


@strawberry.input(description="Which agendas to search; the agendas list's filter without mine and dates. "
                              "Lists hold at most 100 values each.")
class SearchFilterInput:
    fields: list[PolicyField] | None = None
    statuses: list[AgendaStatus] | None = None
    channels: list[Channel] | None = None
    department_codes: list[str] | None = None
    districts: list[str] | None = None
    owner_kind: OwnerKind | None = None

    @staticmethod
    def to_filter(f: "SearchFilterInput | None") -> AgendaFilter:
        """The domain filter, through its one validation (ValidationErrors when a value is refused)."""
        if f is None:
            return AgendaFilter()
        return clean_filter(
            fields=[x.value for x in f.fields or []], statuses=[x.value for x in f.statuses or []],
            channels=[x.value for x in f.channels or []], department_codes=f.department_codes,
            districts=f.districts, owner_kind=f.owner_kind.value if f.owner_kind else None)


def facet_list(bucket: dict[str, int]) -> list[FacetCount]:
    return [FacetCount(value=k, count=v) for k, v in sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0]))]
