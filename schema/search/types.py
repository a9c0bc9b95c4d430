from __future__ import annotations

import strawberry

from server.search.service import SearchSort as SearchSortEnum
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


@strawberry.input
class SearchFilterInput:
    fields: list[PolicyField] | None = None
    statuses: list[AgendaStatus] | None = None
    channels: list[Channel] | None = None
    department_codes: list[str] | None = None
    districts: list[str] | None = None
    owner_kind: OwnerKind | None = None


def facet_list(bucket: dict[str, int]) -> list[FacetCount]:
    return [FacetCount(value=k, count=v) for k, v in sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0]))]
