"""Searching the database while Meilisearch is unreachable (``degraded: true``).

Not a second search engine, but good enough that a citizen still finds things: the query is split
into words; a Korean word also tries itself without a trailing particle (``저상버스를`` → ``저상버스``)
because Korean attaches particles to nouns; each word must occur (as a substring, so a Chinese word
inside a sentence matches) in the title or the body. Matches in the title rank first, then support.
On PostgreSQL the ``pg_trgm`` GIN indexes (migration 0003) serve these ``ILIKE`` substring tests."""

from __future__ import annotations

import re
import unicodedata

from tortoise.expressions import Q

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


def text_q(query: str) -> Q | None:
    q = None
    for variants in words(query):
        word_q = None
        for v in variants:
            v_q = Q(title__icontains=v) | Q(body__icontains=v)
            word_q = v_q if word_q is None else (word_q | v_q)
        q = word_q if q is None else (q & word_q)
    return q


def title_q(query: str) -> Q | None:
    q = None
    for variants in words(query):
        word_q = None
        for v in variants:
            word_q = Q(title__icontains=v) if word_q is None else (word_q | Q(title__icontains=v))
        q = word_q if q is None else (q & word_q)
    return q
