"""Asking Meilisearch: agendas with facets and highlights, likely duplicates, and the secondary
indexes (cases, workshops). Hits are re-checked against the database (one query for the page) so a
lagging index can never show what the caller may not see."""

from __future__ import annotations

import html
import secrets
import time

from meilisearch_python_sdk.models.search import SearchParams

from server.agendas.filter import AgendaFilter
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, can_view
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


def safe_highlight(text: str, marks: tuple[str, str]) -> str:
    """Escape everything, then turn exactly this search's marks into tags."""
    pre, post = (html.escape(m, quote=True) for m in marks)
    return html.escape(text or "", quote=True).replace(pre, "<mark>").replace(post, "</mark>")


async def visible_by_id(viewer: Viewer, ids: list[int]) -> dict[int, Agenda]:
    rows = await Agenda.filter(id__in=ids) if ids else []
    return {a.id: a for a in rows if can_view(viewer, a)}


async def search_agendas(engine: SearchEngine, viewer: Viewer, query: str, f: AgendaFilter, first: int, offset: int,
                         sort: SearchSort, with_facets: bool = True, with_highlights: bool = True) -> SearchResult:
    started = time.perf_counter()
    index = engine.client.index(engine.agendas_uid)
    marks = highlight_marks()
    tags = {"attributes_to_highlight": ["title", "body"], "attributes_to_crop": ["body"], "crop_length": 40,
            "highlight_pre_tag": marks[0], "highlight_post_tag": marks[1], "crop_marker": "…"} if with_highlights else {}
    result = await index.search(
        query, offset=offset, limit=first, filter=filters.agendas(viewer, f), facets=FACETS if with_facets else None,
        attributes_to_retrieve=["id"], **tags,
        sort={SearchSort.NEWEST: ["id:desc"], SearchSort.MOST_SUPPORTED: ["support_count:desc", "id:desc"]}.get(sort),
    )
    rows = await visible_by_id(viewer, [int(h["id"]) for h in result.hits])
    hits = []
    for h in result.hits:
        a = rows.get(int(h["id"]))
        if a is None:
            continue
        formatted = h.get("_formatted") or {}
        hits.append(Hit(agenda=a, highlights={k: safe_highlight(formatted.get(k, ""), marks) for k in ("title", "body")}))
    facets = {k: dict(v) for k, v in (result.facet_distribution or {}).items()}
    elapsed = int((time.perf_counter() - started) * 1000)
    return SearchResult(hits=hits, facets={k: facets.get(k, {}) for k in FACETS},
                        estimated_total=result.estimated_total_hits or len(hits),
                        processing_time_ms=result.processing_time_ms if result.processing_time_ms is not None else elapsed,
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
