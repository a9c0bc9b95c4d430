"""Search for people: Meilisearch first, the database when Meilisearch is unreachable.

The server adds only filters and visibility to what the person typed; ranking is the index's own,
so the API never ranks worse than the index. How each source is asked lives beside this module
(``index_search``, ``fallback``); this one decides which answers."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import httpx
from meilisearch_python_sdk.errors import MeilisearchCommunicationError, MeilisearchError, MeilisearchTimeoutError

from server.agendas.filter import AgendaFilter
from server.agendas.models import Agenda
from server.agendas.policy import Viewer
from server.search import fallback, index_search
from server.search.engine import SearchEngine
from server.search.registry import SPECS
from server.search.results import Hit, SearchResult, SearchSort, SimpleResult, check_query

log = logging.getLogger("civic_agenda.search")

_UNAVAILABLE = (MeilisearchCommunicationError, MeilisearchTimeoutError, httpx.TransportError)

__all__ = ["Hit", "SearchResult", "SearchSort", "SimpleResult", "search", "search_topic", "similar"]


async def search(engine: SearchEngine, viewer: Viewer, query: str, f: AgendaFilter, *, first: int = 20,
                 offset: int = 0, sort: SearchSort = SearchSort.RELEVANCE, with_facets: bool = True,
                 with_highlights: bool = True, columns: Sequence[str] | None = None) -> SearchResult:
    """``with_facets``/``with_highlights`` False when the client did not ask for them: facet counts
    cost Meilisearch (and the database fallback five GROUP BYs) on every keystroke otherwise.
    ``columns``: the hits' agendas read with only these (``AgendaRow``s) when Meilisearch answers;
    the database fallback answers with whole agendas."""
    query = check_query(query, first, offset)
    try:
        result = await index_search.search_agendas(engine, viewer, query, f, first, offset, sort, with_facets,
                                                   with_highlights, columns)
        engine.degraded = False
        return result
    except _UNAVAILABLE as exc:
        log.warning("search engine unreachable, answering from the database: %s", exc)
    except MeilisearchError as exc:  # an error we did not expect: still answer, from the database
        log.error("search engine error, answering from the database: %s", exc)
    engine.degraded = True
    return await fallback.search_agendas(viewer, query, f, first, offset, sort, with_facets)


async def similar(engine: SearchEngine, viewer: Viewer, title: str, body: str = "", *, limit: int = 5) -> tuple[list[Agenda], bool]:
    """The likeliest duplicates of what a citizen is typing: public agendas that are still alive.
    Meilisearch reads the first ten words of a query, so the title leads and the body fills up."""
    text = " ".join(f"{title or ''} {(body or '')[:300]}".split()[:10])
    if len(text) < 2:
        return [], False
    try:
        return await index_search.similar_agendas(engine, viewer, text, limit), False
    except (_UNAVAILABLE + (MeilisearchError,)) as exc:
        log.warning("similarAgendas from the database: %s", exc)
    return await fallback.similar_agendas(text, limit), True


async def search_topic(engine: SearchEngine, topic: str, query: str, filters: dict[str, list], *,
                       facets: list[str], first: int = 20, fallback_fields: tuple[str, ...] = ("title",)) -> SimpleResult:
    """Search a secondary index (cases, workshops). Filter values are typed (enums, ints); the
    database answers while Meilisearch is unreachable."""
    query = check_query(query, first, 0)
    try:
        return await index_search.search_topic(engine, topic, query, filters, facets=facets, first=first)
    except (_UNAVAILABLE + (MeilisearchError,)) as exc:
        log.warning("%s search from the database: %s", topic, exc)
    return await fallback.search_topic(SPECS[topic].model, query, filters, fallback_fields, first)
