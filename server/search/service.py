"""Search for people: Meilisearch first, the database when Meilisearch is unreachable.

The server adds only filters and visibility to what the person typed; ranking is the index's own,
so the API never ranks worse than the index (SPEC §5). Hits are re-checked against the database
(one query for the page) so a lagging index can never show what the caller may not see."""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, field
from enum import Enum

import httpx
from meilisearch_python_sdk.errors import MeilisearchCommunicationError, MeilisearchError, MeilisearchTimeoutError
from meilisearch_python_sdk.models.search import SearchParams
from tortoise.functions import Count

from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import Visibility
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer, can_view, visible_q
from server.errors import DomainError
from server.search import fallback
from server.search.engine import SearchEngine
from server.search.filters import all_of, any_of, equals, quote
from server.search.index_settings import FACETS
from server.i18n import msg


log = logging.getLogger("civic_agenda.search")

QUERY_MAX = 200
MAX_FIRST = 100
MAX_OFFSET = 1000
# Private-use code points as highlight marks: they cannot occur in escaped text, so we can escape
# everything and then turn exactly these into <mark> tags.
_PRE, _POST = "\ue000", "\ue001"
_UNAVAILABLE = (MeilisearchCommunicationError, MeilisearchTimeoutError, httpx.TransportError)


class SearchSort(str, Enum):
    RELEVANCE = "RELEVANCE"
    NEWEST = "NEWEST"
    MOST_SUPPORTED = "MOST_SUPPORTED"


@dataclass
class SearchFilter:
    fields: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    department_codes: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    owner_kind: str | None = None


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


def safe_highlight(text: str) -> str:
    return html.escape(text or "", quote=True).replace(_PRE, "<mark>").replace(_POST, "</mark>")


def visibility_filter(viewer: Viewer) -> str | None:
    if viewer.is_staff:
        return None
    public = f"visibility = {quote(Visibility.PUBLIC.value)} AND status != {quote(S.SUBMITTED.value)}"
    if viewer.user is None:
        return public
    return f"({public}) OR {equals('proposer_id', viewer.user.id)}"


def meili_filter(viewer: Viewer, f: SearchFilter, extra: list[str] | None = None) -> str | None:
    return all_of([
        visibility_filter(viewer),
        any_of("field", f.fields), any_of("status", f.statuses), any_of("channel", f.channels),
        any_of("department_code", [c.upper() for c in f.department_codes]),
        any_of("district", [d.upper() for d in f.districts]),
        any_of("owner_kind", [f.owner_kind] if f.owner_kind else []),
        *(extra or []),
    ])


def _check(query: str, first: int, offset: int) -> str:
    query = (query or "").strip()
    if len(query) > QUERY_MAX:
        raise DomainError(C.TOO_LONG, msg("A search has at most {max} characters.", max=QUERY_MAX), "query")
    if not 0 <= first <= MAX_FIRST:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} results.", max=MAX_FIRST), "first")
    if not 0 <= offset <= MAX_OFFSET:
        raise DomainError(C.INVALID, msg("Search pages go up to offset {max}; narrow the search with filters.", max=MAX_OFFSET), "offset")
    return query


async def _visible_in_order(viewer: Viewer, ids: list[int]) -> dict[int, Agenda]:
    rows = await Agenda.filter(id__in=ids) if ids else []
    return {a.id: a for a in rows if can_view(viewer, a)}


async def search(engine: SearchEngine, viewer: Viewer, query: str, f: SearchFilter, *, first: int = 20,
                 offset: int = 0, sort: SearchSort = SearchSort.RELEVANCE, with_facets: bool = True,
                 with_highlights: bool = True) -> SearchResult:
    """``with_facets``/``with_highlights`` False when the client did not ask for them: facet counts
    cost Meilisearch (and the database fallback five GROUP BYs) on every keystroke otherwise."""
    query = _check(query, first, offset)
    try:
        result = await _search_index(engine, viewer, query, f, first, offset, sort, with_facets, with_highlights)
        engine.degraded = False
        return result
    except _UNAVAILABLE as exc:
        log.warning("search engine unreachable, answering from the database: %s", exc)
    except MeilisearchError as exc:  # an error we did not expect: still answer, from the database
        log.error("search engine error, answering from the database: %s", exc)
    engine.degraded = True
    return await _search_database(viewer, query, f, first, offset, sort, with_facets)


async def _search_index(engine, viewer, query, f, first, offset, sort, with_facets=True, with_highlights=True) -> SearchResult:
    started = time.perf_counter()
    index = engine.client.index(engine.agendas_uid)
    marks = {"attributes_to_highlight": ["title", "body"], "attributes_to_crop": ["body"], "crop_length": 40,
             "highlight_pre_tag": _PRE, "highlight_post_tag": _POST, "crop_marker": "…"} if with_highlights else {}
    result = await index.search(
        query, offset=offset, limit=first, filter=meili_filter(viewer, f), facets=FACETS if with_facets else None,
        attributes_to_retrieve=["id"], **marks,
        sort={SearchSort.NEWEST: ["id:desc"], SearchSort.MOST_SUPPORTED: ["support_count:desc", "id:desc"]}.get(sort),
    )
    ids = [int(h["id"]) for h in result.hits]
    rows = await _visible_in_order(viewer, ids)
    hits = []
    for h in result.hits:
        a = rows.get(int(h["id"]))
        if a is None:
            continue
        formatted = h.get("_formatted") or {}
        hits.append(Hit(agenda=a, highlights={k: safe_highlight(formatted.get(k, "")) for k in ("title", "body")}))
    facets = {k: dict(v) for k, v in (result.facet_distribution or {}).items()}
    elapsed = int((time.perf_counter() - started) * 1000)
    return SearchResult(hits=hits, facets={k: facets.get(k, {}) for k in FACETS},
                        estimated_total=result.estimated_total_hits or len(hits),
                        processing_time_ms=result.processing_time_ms if result.processing_time_ms is not None else elapsed,
                        degraded=False)


_FACET_COLUMNS = {"field": "field", "status": "status", "channel": "channel", "district": "district",
                  "department_code": "owner_department_id"}


async def _search_database(viewer, query, f, first, offset, sort, with_facets=True) -> SearchResult:
    started = time.perf_counter()
    qs = Agenda.all()
    vq = visible_q(viewer)
    if vq is not None:
        qs = qs.filter(vq)
    tq = fallback.text_q(query)
    if tq is not None:
        qs = qs.filter(tq)
    for attr, values in (("field__in", f.fields), ("status__in", f.statuses), ("channel__in", f.channels),
                         ("district__in", [d.upper() for d in f.districts])):
        if values:
            qs = qs.filter(**{attr: values})
    if f.owner_kind:
        qs = qs.filter(owner_kind=f.owner_kind)
    if f.department_codes:
        qs = qs.filter(owner_department__code__in=[c.upper() for c in f.department_codes])
    total = await qs.count()
    order = {SearchSort.NEWEST: ["-id"], SearchSort.MOST_SUPPORTED: ["-support_count", "-id"]}.get(sort, ["-support_count", "-id"])
    rows = await qs.order_by(*order).offset(offset).limit(first) if first else []
    if sort == SearchSort.RELEVANCE and query:
        tq_title = fallback.title_q(query)
        in_title = set(await qs.filter(tq_title, id__in=[a.id for a in rows]).values_list("id", flat=True)) if rows else set()
        rows = sorted(rows, key=lambda a: a.id not in in_title)  # stable: title matches first
    facets: dict[str, dict[str, int]] = {}
    dept_codes = dict(await Department.all().values_list("id", "code")) if with_facets else {}
    for name, column in _FACET_COLUMNS.items() if with_facets else ():
        counts = await qs.annotate(n=Count("id")).group_by(column).values(column, "n")
        bucket = {}
        for row in counts:
            key = row[column]
            if key is None:
                continue
            bucket[dept_codes.get(key, str(key)) if name == "department_code" else str(key)] = row["n"]
        facets[name] = bucket
    words = [v for variants in fallback.words(query) for v in variants]
    hits = [Hit(agenda=a, highlights={"title": _mark(a.title, words), "body": _mark(_crop(a.body, words), words)})
            for a in rows]
    return SearchResult(hits=hits, facets=facets, estimated_total=total,
                        processing_time_ms=int((time.perf_counter() - started) * 1000), degraded=True)


def _crop(text: str, words: list[str], width: int = 120) -> str:
    low = text.casefold()
    positions = [low.find(w) for w in words if w and low.find(w) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    piece = text[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _mark(text: str, words: list[str]) -> str:
    """Highlight in the same safe form as the index: escape everything, mark the words."""
    out, low, i = [], text.casefold(), 0
    spans = []
    for w in sorted({w for w in words if w}, key=len, reverse=True):
        start = 0
        while (pos := low.find(w, start)) >= 0:
            if not any(s <= pos < e for s, e in spans):
                spans.append((pos, pos + len(w)))
            start = pos + len(w)
    for s, e in sorted(spans):
        if s < i:
            continue
        out += [html.escape(text[i:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        i = e
    out.append(html.escape(text[i:]))
    return "".join(out)


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


async def similar(engine: SearchEngine, viewer: Viewer, title: str, body: str = "", *, limit: int = 5) -> tuple[list[Agenda], bool]:
    """The likeliest duplicates of what a citizen is typing: public agendas that are still alive.
    Meilisearch reads the first ten words of a query, so the title leads and the body fills up."""
    text = " ".join(f"{title or ''} {(body or '')[:300]}".split()[:10])
    if len(text) < 2:
        return [], False
    alive = any_of("status", [S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value, S.IN_PROGRESS.value,
                              S.COMPLETED.value])
    public = f"visibility = {quote(Visibility.PUBLIC.value)}"
    try:
        text = await _known_words(engine, text)
        if not text:
            return [], False
        index = engine.client.index(engine.agendas_uid)
        # "last": documents with every word first, then dropping words from the end — the title leads
        # the text, so its words are the last to go.
        result = await index.search(text, limit=limit, filter=all_of([public, alive]), attributes_to_retrieve=["id"],
                                    matching_strategy="last", ranking_score_threshold=0.2)
        ids = [int(h["id"]) for h in result.hits]
        rows = await _visible_in_order(viewer, ids)
        return [rows[i] for i in ids if i in rows], False
    except (_UNAVAILABLE + (MeilisearchError,)) as exc:
        log.warning("similarAgendas from the database: %s", exc)
    any_word = None
    for variants in fallback.words(text):
        for v in variants:
            if len(v) < 2:
                continue
            from tortoise.expressions import Q

            any_word = Q(title__icontains=v) if any_word is None else (any_word | Q(title__icontains=v))
    if any_word is None:
        return [], True
    rows = await Agenda.filter(any_word, visibility=Visibility.PUBLIC.value,
                               status__in=[S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value,
                                           S.IN_PROGRESS.value, S.COMPLETED.value]).order_by("-support_count", "-id").limit(limit)
    return list(rows), True


@dataclass
class SimpleResult:
    ids: list[int]
    facets: dict[str, dict[str, int]]
    estimated_total: int
    degraded: bool


async def search_topic(engine: SearchEngine, topic: str, query: str, filters: dict[str, list], *,
                       facets: list[str], first: int = 20, fallback_fields: tuple[str, ...] = ("title",)) -> SimpleResult:
    """Search a secondary index (cases, workshops). Filter values are typed (enums, ints) and quoted;
    the database answers while Meilisearch is unreachable."""
    query = _check(query, first, 0)
    parts = []
    for attribute, values in filters.items():
        if values:
            parts.append(f"{attribute} IN [{', '.join(str(int(v)) if isinstance(v, int) else quote(v) for v in values)}]")
    try:
        result = await engine.client.index(engine.uid(topic)).search(
            query, limit=first, filter=all_of(parts), facets=facets, attributes_to_retrieve=["id"])
        return SimpleResult(ids=[int(h["id"]) for h in result.hits],
                            facets={k: dict(v) for k, v in (result.facet_distribution or {}).items()},
                            estimated_total=result.estimated_total_hits or 0, degraded=False)
    except (_UNAVAILABLE + (MeilisearchError,)) as exc:
        log.warning("%s search from the database: %s", topic, exc)
    from tortoise.expressions import Q

    from server.search.registry import SPECS

    qs = SPECS[topic].model.all()
    for variants in fallback.words(query):
        word_q = None
        for v in variants:
            for f in fallback_fields:
                word_q = Q(**{f"{f}__icontains": v}) if word_q is None else (word_q | Q(**{f"{f}__icontains": v}))
        qs = qs.filter(word_q)
    for attribute, values in filters.items():
        if values and attribute != "fields":
            qs = qs.filter(**{f"{attribute}__in": values})
    return SimpleResult(ids=list(await qs.order_by("-id").limit(first).values_list("id", flat=True)), facets={},
                        estimated_total=await qs.count(), degraded=True)
