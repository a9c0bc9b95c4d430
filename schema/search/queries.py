from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import SelectedField

from server.search import service
from server.workshops import search as workshop_search
from schema.agendas.dataloaders import prefetch_page
from schema.agendas.selection import page_needs
from schema.agendas.types import Agenda, PolicyField
from schema.errors import query_domain
from schema.search.types import (
    SearchFacets,
    SearchFilterInput,
    SearchHighlights,
    SearchHit,
    SearchResult,
    FacetCount,
    SearchSort,
    facet_list,
)


def _selected(info: Info) -> set[str] | None:
    """Names selected on this field, or None when fragments make it unclear (then: everything)."""
    names: set[str] = set()
    for field in info.selected_fields:
        for sel in field.selections:
            if not isinstance(sel, SelectedField):
                return None
            names.add(sel.name)
    return names


def _hits_want_highlights(info: Info) -> bool:
    for field in info.selected_fields:
        for sel in field.selections:
            if isinstance(sel, SelectedField) and sel.name == "hits":
                for sub in sel.selections:
                    if not isinstance(sub, SelectedField) or sub.name == "highlights":
                        return True
    return False


@strawberry.type
class SearchQueries:
    @strawberry.field(description="Full-text search over agendas in Korean, Chinese and English, with facets and highlights.")
    async def search(self, info: Info, query: str = "", filter: SearchFilterInput | None = None, first: int = 20,
                     offset: int = 0, sort: SearchSort = service.SearchSort.RELEVANCE) -> SearchResult:
        viewer = await info.context.viewer()
        engine = info.context.request.app.state.search
        wanted = _selected(info)
        needs = page_needs(info, ("hits", "agenda"))
        r = await query_domain(lambda: service.search(
            engine, viewer, query, SearchFilterInput.to_filter(filter), first=first, offset=offset, sort=service.SearchSort(sort.value),
            with_facets=wanted is None or "facets" in wanted,
            with_highlights=wanted is None or _hits_want_highlights(info), columns=needs.columns))
        agendas = [h.agenda for h in r.hits]
        nodes = Agenda.nodes_of(agendas, await prefetch_page(info.context, agendas, needs))
        return SearchResult(
            hits=[SearchHit(agenda=node,
                            highlights=SearchHighlights(title=h.highlights.get("title", ""), body=h.highlights.get("body", "")))
                  for h, node in zip(r.hits, nodes, strict=True)],
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


@strawberry.type
class WorkshopSearchResult:
    workshops: list[Annotated["Workshop", strawberry.lazy("schema.workshops.types")]]
    estimated_total: int
    degraded: bool


@strawberry.type
class CaseSearchResult:
    cases: list[Annotated["InnovationCase", strawberry.lazy("schema.workshops.types")]]
    field_facets: list[FacetCount]
    origin_facets: list[FacetCount]
    estimated_total: int
    degraded: bool


@strawberry.type
class SecondarySearchQueries:
    @strawberry.field(description="Search the case library (open to everyone), with facets by field and origin.")
    async def search_cases(self, info: Info, query: str = "", fields: list[PolicyField] | None = None,
                           origins: list[Annotated["CaseOrigin", strawberry.lazy("schema.workshops.types")]] | None = None,
                           first: int = 20) -> CaseSearchResult:
        from schema.workshops.types import InnovationCase

        engine = info.context.request.app.state.search
        r = await query_domain(lambda: workshop_search.search_cases(
            engine, query, fields=[f.value for f in fields or []], origins=[o.value for o in origins or []], first=first))
        return CaseSearchResult(cases=[InnovationCase.from_model(c) for c in r.rows],
                                field_facets=facet_list(r.facets.get("field", {})),
                                origin_facets=facet_list(r.facets.get("origin", {})),
                                estimated_total=r.estimated_total, degraded=r.degraded)

    @strawberry.field(description="Search workshops by what was discussed (city staff), by year and quarter.")
    async def search_workshops(self, info: Info, query: str = "", year: int | None = None, quarter: int | None = None,
                               first: int = 20) -> WorkshopSearchResult:
        from schema.workshops.types import Workshop

        viewer = await info.context.viewer()
        engine = info.context.request.app.state.search
        r = await query_domain(lambda: workshop_search.search_workshops(
            engine, viewer, query, year=year, quarter=quarter, first=first))
        return WorkshopSearchResult(workshops=[Workshop.from_model(w) for w in r.rows],
                                    estimated_total=r.estimated_total, degraded=r.degraded)
