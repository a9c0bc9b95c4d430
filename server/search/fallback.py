"""Searching the database while Meilisearch is unreachable (``degraded: true``).

Not a second search engine, but good enough that a citizen still finds things: the query is split
into words; a Korean word also tries itself without a trailing particle (``저상버스를`` → ``저상버스``)
because Korean attaches particles to nouns; each word must occur (as a substring, so a Chinese word
inside a sentence matches) in the title or the body. Matches in the title rank first, then support.
On PostgreSQL the ``pg_trgm`` GIN indexes (migration 0003) serve these ``ILIKE`` substring tests."""

from __future__ import annotations

import html
import re
import time
import unicodedata

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.models import Model

from server.agendas.enums import Visibility
from server.agendas.filter import AgendaFilter, filter_q
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer
from server.search.filters import ALIVE
from server.search.results import Hit, SearchResult, SearchSort, SimpleResult

# Longest first, so that 에서 is stripped before 서 could be considered.
_PARTICLES = sorted(
    ["은", "는", "이", "가", "을", "를", "에", "의", "도", "만", "와", "과", "로", "으로", "에서", "에게", "한테",
     "께서", "까지", "부터", "처럼", "보다", "이나", "나", "랑", "이랑", "하고", "에는", "에서는", "으로는", "로는",
     "이라도", "라도", "조차", "마저", "이다", "입니다"],
    key=len, reverse=True)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[\w\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff\u3400-\u4dbf]+", re.UNICODE)
MAX_WORDS = 8


def words(query: str) -> list[list[str]]:
    """Each word of the query with its variants (itself, and without a Korean particle)."""
    text = unicodedata.normalize("NFKC", query or "").casefold()
    out = []
    for w in _WORD.findall(text)[:MAX_WORDS]:
        variants = [w]
        if _HANGUL.search(w):
            for p in _PARTICLES:
                if w.endswith(p) and len(w) - len(p) >= 2:
                    variants.append(w[: -len(p)])
                    break
        out.append(variants)
    return out


def words_q(query: str, fields: tuple[str, ...], *, every: bool = True, min_len: int = 1) -> Q | None:
    """The one database text match: each word (or one of its variants) occurs in one of ``fields``;
    with ``every=False`` any one word is enough. None when the query has no word."""
    q = None
    for variants in words(query):
        word_q = None
        for v in variants:
            if len(v) < min_len:
                continue
            for name in fields:
                v_q = Q(**{f"{name}__icontains": v})
                word_q = v_q if word_q is None else (word_q | v_q)
        if word_q is None:
            continue
        q = word_q if q is None else ((q & word_q) if every else (q | word_q))
    return q


_FACET_COLUMNS = {"field": "field", "status": "status", "channel": "channel", "district": "district",
                  "department_code": "owner_department_id"}


async def search_agendas(viewer: Viewer, query: str, f: AgendaFilter, first: int, offset: int, sort: SearchSort,
                         with_facets: bool = True) -> SearchResult:
    started = time.perf_counter()
    qs = Agenda.filter(await filter_q(viewer, f))
    tq = words_q(query, ("title", "body"))
    if tq is not None:
        qs = qs.filter(tq)
    total = await qs.count()
    order = {SearchSort.NEWEST: ["-id"], SearchSort.MOST_SUPPORTED: ["-support_count", "-id"]}.get(sort, ["-support_count", "-id"])
    rows = await qs.order_by(*order).offset(offset).limit(first) if first else []
    if sort == SearchSort.RELEVANCE and query and rows:
        in_title = set(await qs.filter(words_q(query, ("title",)), id__in=[a.id for a in rows]).values_list("id", flat=True))
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
    found = [v for variants in words(query) for v in variants]
    hits = [Hit(agenda=a, highlights={"title": _mark(a.title, found), "body": _mark(_crop(a.body, found), found)})
            for a in rows]
    return SearchResult(hits=hits, facets=facets, estimated_total=total,
                        processing_time_ms=int((time.perf_counter() - started) * 1000), degraded=True)


async def similar_agendas(text: str, limit: int) -> list[Agenda]:
    """Public, living agendas whose title holds any word of ``text``, most supported first."""
    any_word = words_q(text, ("title",), every=False, min_len=2)
    if any_word is None:
        return []
    rows = await Agenda.filter(any_word, visibility=Visibility.PUBLIC.value, status__in=list(ALIVE)
                               ).order_by("-support_count", "-id").limit(limit)
    return list(rows)


async def search_topic(model: type[Model], query: str, filters: dict[str, list], fields: tuple[str, ...],
                       first: int) -> SimpleResult:
    qs = model.all()
    tq = words_q(query, fields)
    if tq is not None:
        qs = qs.filter(tq)
    for attribute, values in filters.items():
        if values:
            qs = qs.filter(**{f"{attribute}__in": values})
    return SimpleResult(ids=list(await qs.order_by("-id").limit(first).values_list("id", flat=True)), facets={},
                        estimated_total=await qs.count(), degraded=True)


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
