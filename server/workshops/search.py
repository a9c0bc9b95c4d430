"""Searching the case library and the workshops: who may, what is filtered, and in which order the
rows come back. The index (or the database while it is unreachable) ranks; rows are loaded here."""

from __future__ import annotations

from dataclasses import dataclass

from server.agendas.policy import Viewer
from server.errors import DomainError
from server.search.engine import SearchEngine
from server.search.service import search_topic
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import InnovationCase, Workshop
from server.workshops.policy import may_read_workshops


@dataclass
class Found:
    rows: list
    facets: dict[str, dict[str, int]]
    estimated_total: int
    degraded: bool


async def _in_order(model, result) -> Found:
    rows = {r.id: r for r in await model.filter(id__in=result.ids)} if result.ids else {}
    return Found(rows=[rows[i] for i in result.ids if i in rows], facets=result.facets,
                 estimated_total=result.estimated_total, degraded=result.degraded)


async def search_cases(engine: SearchEngine, query: str, *, fields: list[str], origins: list[str],
                       first: int = 20) -> Found:
    """The case library is open to everyone; faceted by field and origin."""
    result = await search_topic(engine, "case", query, {"field": fields, "origin": origins},
                                facets=["field", "origin"], first=first, fallback_fields=("title", "summary"))
    return await _in_order(InnovationCase, result)


async def search_workshops(engine: SearchEngine, viewer: Viewer, query: str, *, year: int | None = None,
                           quarter: int | None = None, first: int = 20) -> Found:
    """Workshops record staff discussions: city staff only."""
    if not may_read_workshops(viewer):
        raise DomainError(C.FORBIDDEN, "Workshops are for city staff.")
    if year is not None and not 1 <= year <= 9999:
        raise DomainError(C.INVALID, "Give a year between 1 and 9999.", "year")
    if quarter is not None and not 1 <= quarter <= 4:
        raise DomainError(C.INVALID, "A quarter is 1, 2, 3 or 4.", "quarter")
    result = await search_topic(engine, "workshop", query, {"year": [year] if year else [],
                                                            "quarter": [quarter] if quarter else []},
                                facets=["year", "quarter"], first=first, fallback_fields=("title", "place"))
    return await _in_order(Workshop, result)
