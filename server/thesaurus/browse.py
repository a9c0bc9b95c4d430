"""Browsing the live thesaurus: the admin's list of concepts, searched in any of its languages.

The query is compared the way routing compares words (:func:`server.agendas.routing.normalize`:
NFKC, case, spacing, Simplified Chinese folded to Traditional), so 輪椅, 轮椅, 휠체어 and Wheelchair
all find the concept ``wheelchair``. Each term says whether it ships with the product or an admin
added it, since only the latter are this city's own teaching.

The thesaurus is a few hundred concepts held in memory (:func:`load_thesaurus` is one small query),
so a page is a slice of the sorted, filtered list and its cursor an opaque offset.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.policy import Viewer, may_manage_catalogue
from server.agendas.routing import normalize
from server.errors import DomainError
from server.i18n import msg
from server.thesaurus.model import LANGUAGES, Concept, shipped_thesaurus
from server.thesaurus.models import ThesaurusTerm
from server.thesaurus.service import load_thesaurus

QUERY_MAX = 60  # a term has at most 60 characters (service.TERM_MAX); a query needs no more
PAGE_MAX = 50
_CURSOR_PREFIX = "thesaurus:"


@dataclass(frozen=True)
class TermView:
    lang: str
    term: str
    built_in: bool


@dataclass(frozen=True)
class ConceptView:
    id: str
    ko: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]
    group: bool
    built_in: bool  # the concept ships with the product (admins may still have added terms to it)
    terms: tuple[TermView, ...]
    label: str


@dataclass(frozen=True)
class ConceptPage:
    items: list[ConceptView]
    cursors: list[str]
    has_next: bool
    total_count: int


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor[:40] + "=" * (-len(cursor[:40]) % 4)).decode()
        if not raw.startswith(_CURSOR_PREFIX):
            raise ValueError(raw)
        value = int(raw[len(_CURSOR_PREFIX):])
        if value < 0:
            raise ValueError(raw)
        return value + 1
    except (ValueError, UnicodeDecodeError):
        raise DomainError(C.INVALID_CURSOR, msg("The cursor is not valid; start from the first page."), "after") from None


def _require_admin(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, msg("You must be logged in."))
    if not may_manage_catalogue(viewer):
        raise DomainError(C.FORBIDDEN, msg("Only admins see the thesaurus."))


def _rank(concept: Concept, key: str) -> int | None:
    """0: a term (or the concept's name) is the query; 1: one starts with it; 2: one contains it;
    None: no match. An empty query matches everything equally."""
    if not key:
        return 0
    best: int | None = None
    for text in (concept.id, *concept.terms):
        t = normalize(text)
        if t == key:
            return 0
        if t.startswith(key):
            best = 1
        elif key in t and best is None:
            best = 2
    return best


async def search_concepts(viewer: Viewer, query: str | None = None, *, first: int = 20,
                          after: str | None = None) -> ConceptPage:
    """Concepts whose name or a term matches the query (in any language), best matches first, then
    by name; every concept when the query is empty."""
    _require_admin(viewer)
    raw = query or ""
    if len(raw) > QUERY_MAX:
        raise DomainError(C.TOO_LONG, msg("A search has at most {max} characters.", max=QUERY_MAX), "query")
    if first < 0 or first > PAGE_MAX:
        raise DomainError(C.INVALID, msg("Ask for 0 to {max} concepts at a time.", max=PAGE_MAX), "first")
    start = _offset(after)
    key = normalize(raw)

    thesaurus = await load_thesaurus()
    shipped = shipped_thesaurus()
    added = {(cid, lang, normalize(term))
             for cid, lang, term in await ThesaurusTerm.all().values_list("concept_id", "lang", "term")}
    ranked = sorted(((r, c.id, c) for c in thesaurus.concepts.values() if (r := _rank(c, key)) is not None),
                    key=lambda x: (x[0], x[1]))
    window = ranked[start:start + first]
    items = [_view(c, shipped.concepts.get(c.id) is not None, added) for _, _, c in window]
    return ConceptPage(items=items, cursors=[_cursor(start + i) for i in range(len(items))],
                       has_next=start + first < len(ranked), total_count=len(ranked))


def _view(c: Concept, built_in: bool, added: set[tuple[str, str, str]]) -> ConceptView:
    terms = tuple(TermView(lang, t, (c.id, lang, normalize(t)) not in added)
                  for lang in LANGUAGES for t in getattr(c, lang))
    return ConceptView(id=c.id, ko=c.ko, en=c.en, zh=c.zh, group=c.group, built_in=built_in, terms=terms,
                       label=c.label)


async def concept_view(concept_id: str) -> ConceptView | None:
    """One concept as the admin's list shows it (after an addition, to show what it now holds)."""
    thesaurus = await load_thesaurus()
    concept = thesaurus.concepts.get(concept_id)
    if concept is None:
        return None
    added = {(cid, lang, normalize(term)) for cid, lang, term in
             await ThesaurusTerm.filter(concept_id=concept_id).values_list("concept_id", "lang", "term")}
    return _view(concept, concept_id in shipped_thesaurus().concepts, added)
