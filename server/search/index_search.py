"""Asking Meilisearch: agendas with facets and highlights, likely duplicates, and the secondary
indexes (cases, workshops). Hits are re-checked against the database (one query for the page) so a
lagging index can never show what the caller may not see."""

from __future__ import annotations

import html
import secrets
import time
from collections.abc import Callable, Sequence

from meilisearch_python_sdk.models.search import SearchParams

from server.agendas.filter import AgendaFilter
from server.agendas.models import Agenda
from server.agendas.policy import VIEW_COLUMNS, Viewer, can_view
from server.agendas.queries import AgendaRow, page_columns
from server.agendas.routing import normalize
from server.search import filters
from server.search.engine import SearchEngine
from server.search.index_settings import FACETS
from server.search.results import Hit, SearchResult, SearchSort, SimpleResult


def highlight_marks() -> tuple[str, str]:
    """Highlight tags for one search, made of a fresh random token: stored text cannot contain a
    token that did not exist when it was written, so only the words the index matched become
    ``<mark>`` (fixed markers such as U+E000 could be typed into a title and forge highlights)."""
    token = secrets.token_hex(8)
    return f"\ue000{token}\ue001", f"\ue001{token}\ue000"


def safe_highlighter(marks: tuple[str, str]) -> Callable[[str | None], str]:
    """Escape everything, then turn exactly this search's marks into tags (the marks escaped once
    per search, not once per highlighted field)."""
    pre, post = (html.escape(m, quote=True) for m in marks)

    def highlight(text: str | None) -> str:
        return html.escape(text or "", quote=True).replace(pre, "<mark>").replace(post, "</mark>")
    return highlight


async def visible_by_id(viewer: Viewer, ids: list[int],
                        columns: Sequence[str] | None = None) -> dict[int, Agenda | AgendaRow]:
    """The hits the caller may see, as the database has them now. ``columns``: read only these (and
    what ``can_view`` reads), as ``AgendaRow``s — a search shows a few of an agenda's 42 columns;
    None: whole models."""
    if not ids:
        return {}
    if columns is None:
        rows = await Agenda.filter(id__in=ids)
    else:
        rows = [AgendaRow(v) for v in await Agenda.filter(id__in=ids).values(*page_columns(columns, *VIEW_COLUMNS))]
    return {a.id: a for a in rows if can_view(viewer, a)}


_SORTS = {SearchSort.NEWEST: ["id:desc"], SearchSort.MOST_SUPPORTED: ["support_count:desc", "id:desc"]}


def agenda_search_body(viewer: Viewer, query: str, f: AgendaFilter, first: int, offset: int, sort: SearchSort,
                       with_facets: bool, marks: tuple[str, str] | None) -> dict:
    """What ``search`` asks Meilisearch, as the JSON body of ``POST /indexes/<uid>/search`` (the
    bench sends this very body straight to Meilisearch to compare). ``marks`` None: no highlights."""
    body: dict = {"q": query, "offset": offset, "limit": first, "attributesToRetrieve": ["id"]}
    if (expression := filters.agendas(viewer, f)) is not None:
        body["filter"] = expression
    if with_facets:
        body["facets"] = FACETS
    if marks is not None:
        body.update(attributesToHighlight=["title", "body"], attributesToCrop=["body"], cropLength=40,
                    highlightPreTag=marks[0], highlightPostTag=marks[1], cropMarker="…")
    if sort in _SORTS:
        body["sort"] = _SORTS[sort]
    return body


async def search_agendas(engine: SearchEngine, viewer: Viewer, query: str, f: AgendaFilter, first: int, offset: int,
                         sort: SearchSort, with_facets: bool = True, with_highlights: bool = True,
                         columns: Sequence[str] | None = None) -> SearchResult:
    """One search per keystroke: the answer is read as plain JSON (``SearchEngine.search``), not
    through the SDK's pydantic models, and only ids come back — the hits are the database's rows
    (``columns``: those the caller shows, see ``visible_by_id``)."""
    started = time.perf_counter()
    marks = highlight_marks() if with_highlights else None
    result = await engine.search(engine.agendas_uid, agenda_search_body(viewer, query, f, first, offset, sort,
                                                                        with_facets, marks))
    found = result.get("hits") or []
    rows = await visible_by_id(viewer, [int(h["id"]) for h in found], columns)
    mark = safe_highlighter(marks) if marks is not None else None
    hits = []
    for h in found:
        a = rows.get(int(h["id"]))
        if a is None:
            continue
        formatted = h.get("_formatted") or {}
        hits.append(Hit(agenda=a, highlights={k: mark(formatted.get(k)) for k in ("title", "body")}
                        if mark is not None else {"title": "", "body": ""}))
    facets = result.get("facetDistribution") or {}
    elapsed = int((time.perf_counter() - started) * 1000)
    processing = result.get("processingTimeMs")
    return SearchResult(hits=hits, facets={k: dict(facets.get(k) or {}) for k in FACETS},
                        estimated_total=result.get("estimatedTotalHits") or len(hits),
                        processing_time_ms=processing if processing is not None else elapsed,
                        degraded=False)


async def _known_words(engine: SearchEngine, text: str) -> str:
    """The query's words that occur in the index at all (typos allowed), in their order.

    A word no agenda contains (a name, a number, "4b781f", a typo beyond tolerance) can only ever
    cost matches: Meilisearch's matching strategies drop words by position or frequency, and an
    unknown word in the wrong place hid every duplicate. One multi-search of limit-0 probes (all of
    a word's segments must match) finds and removes those words first."""
    words = text.split()
    if len(words) < 2:
        return text
    probes = [SearchParams(index_uid=engine.agendas_uid, query=w, limit=0, matching_strategy="all") for w in words]
    results = await engine.client.multi_search(probes)
    return " ".join(w for w, r in zip(words, results) if (r.estimated_total_hits or 0) > 0)


def _own_words_first(text: str, hits: list[dict]) -> list[dict]:
    """Hints whose title shares a word with what the citizen typed first, then the twins found only
    through the thesaurus (the same idea in another language), each group in the index's order.

    The synonyms make a Chinese or English twin match a Korean query as strongly as the Korean
    one; a citizen writing in Korean should still see the Korean twin at the top."""
    words = {w for w in normalize(text).split() if len(w) >= 2}

    def shares(hit: dict) -> bool:
        title = normalize(hit.get("title") or "")
        return any(w in title for w in words)

    return sorted(hits, key=lambda h: not shares(h))  # stable: the index's order within each group


async def similar_agendas(engine: SearchEngine, viewer: Viewer, text: str, limit: int) -> list[Agenda]:
    text = await _known_words(engine, text)
    if not text:
        return []
    index = engine.client.index(engine.agendas_uid)
    # "last": documents with every word first, then dropping words from the end — the title leads
    # the text, so its words are the last to go.
    result = await index.search(text, limit=limit, filter=filters.likely_duplicates(),
                                attributes_to_retrieve=["id", "title"], matching_strategy="last",
                                ranking_score_threshold=0.2)
    ids = [int(h["id"]) for h in _own_words_first(text, result.hits)]
    rows = await visible_by_id(viewer, ids)
    return [rows[i] for i in ids if i in rows]


async def search_topic(engine: SearchEngine, topic: str, query: str, filter_values: dict[str, list], *,
                       facets: list[str], first: int) -> SimpleResult:
    result = await engine.client.index(engine.uid(topic)).search(
        query, limit=first, filter=filters.topic(filter_values), facets=facets, attributes_to_retrieve=["id"])
    return SimpleResult(ids=[int(h["id"]) for h in result.hits],
                        facets={k: dict(v) for k, v in (result.facet_distribution or {}).items()},
                        estimated_total=result.estimated_total_hits or 0, degraded=False)
