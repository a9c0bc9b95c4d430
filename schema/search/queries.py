from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.search import service
from schema.agendas.types import Agenda
from schema.errors import query_domain
from schema.search.types import (
    SearchFacets,
    SearchFilterInput,
    SearchHighlights,
    SearchHit,
    SearchResult,
    SearchSort,
    facet_list,
)


def _filter(f: SearchFilterInput | None) -> service.SearchFilter:
    if f is None:
        return service.SearchFilter()
    return service.SearchFilter(
        fields=[x.value for x in f.fields or []], statuses=[x.value for x in f.statuses or []],
        channels=[x.value for x in f.channels or []], department_codes=list(f.department_codes or []),
        districts=list(f.districts or []), owner_kind=f.owner_kind.value if f.owner_kind else None)


@strawberry.type
class SearchQueries:
    @strawberry.field(description="Full-text search over agendas in Korean, Chinese and English, with facets and highlights.")
    async def search(self, info: Info, query: str = "", filter: SearchFilterInput | None = None, first: int = 20,
                     offset: int = 0, sort: SearchSort = service.SearchSort.RELEVANCE) -> SearchResult:
        viewer = await info.context.viewer()
        engine = info.context.request.app.state.search
        r = await query_domain(lambda: service.search(engine, viewer, query, _filter(filter), first=first,
                                                      offset=offset, sort=service.SearchSort(sort.value)))
        return SearchResult(
            hits=[SearchHit(agenda=Agenda.from_model(h.agenda),
                            highlights=SearchHighlights(title=h.highlights.get("title", ""), body=h.highlights.get("body", "")))
                  for h in r.hits],
            facets=SearchFacets(field=facet_list(r.facets.get("field", {})), status=facet_list(r.facets.get("status", {})),
                                channel=facet_list(r.facets.get("channel", {})),
                                department=facet_list(r.facets.get("department_code", {})),
                                district=facet_list(r.facets.get("district", {}))),
            estimated_total=r.estimated_total, processing_time_ms=r.processing_time_ms, degraded=r.degraded)

    @strawberry.field(description="Up to five likely duplicates of what is being proposed; cheap enough for every pause in typing.")
    async def similar_agendas(self, info: Info, title: str, body: str = "") -> list[Agenda]:
        if len(title) > 200 or len(body) > 20_000:
            return []
        viewer = await info.context.viewer()
        engine = info.context.request.app.state.search
        rows, _degraded = await service.similar(engine, viewer, title, body)
        return [Agenda.from_model(a) for a in rows]
