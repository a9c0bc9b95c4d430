"""Concepts and the lookups every reader of the thesaurus needs. Pure: no ORM and no I/O beyond
reading the shipped data file once.

A *concept* is one thing a city handles (휠체어 · wheelchair · 輪椅), with its terms per language,
spelling and spacing variants included. Terms are compared after :func:`server.agendas.routing.normalize`
(NFKC, case, spacing, Simplified Chinese folded to Traditional), so ``轮椅`` and ``Wheelchair`` find
the concept of ``輪椅``. A term belongs to one concept: two concepts sharing a term would make one
word mean two things, and the data test refuses that.

A ``group`` concept names people (어르신, youth, 外籍人士) or a generic thing (an app, a booking):
it helps search and duplicate hints find equivalents, but on its own says nothing about which
department owns an agenda, so routing never counts it as a department's evidence unless a
department's keyword names it explicitly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from server.agendas.routing import normalize
from server.thesaurus.fold import simplified_form

LANGUAGES = ("ko", "en", "zh")
DATA_FILE = Path(__file__).with_name("concepts.json")


@dataclass(frozen=True)
class Concept:
    id: str
    ko: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]
    group: bool = False

    @property
    def terms(self) -> tuple[str, ...]:
        return (*self.ko, *self.en, *self.zh)

    @property
    def label(self) -> str:
        """The concept as a person reads it in an explanation: its first term in each language."""
        return " · ".join(t[0] for t in (self.ko, self.en, self.zh) if t)

    def with_terms(self, lang: str, terms: Iterable[str]) -> "Concept":
        old = getattr(self, lang)
        keys = {normalize(t) for t in old}
        new = tuple(t for t in terms if normalize(t) not in keys)
        return Concept(self.id, **{l: getattr(self, l) + (new if l == lang else ()) for l in LANGUAGES},
                       group=self.group)


@dataclass
class Thesaurus:
    """Concepts by id, and every term's concept by its normalised form."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    _by_term: dict[str, str] = field(default_factory=dict, repr=False)
    # What was added on top of the shipped file, in order: two thesauri with the same signature
    # hold the same terms, so compiled patterns and routers can be reused between them.
    signature: tuple = ()
    # True for the shipped concepts and copies of them: such a thesaurus is known by its signature,
    # so what is derived from it (the synonyms) can be kept per signature.
    shipped_base: bool = field(default=False, repr=False)

    @classmethod
    def of(cls, concepts: Iterable[Concept]) -> "Thesaurus":
        t = cls()
        for c in concepts:
            t.add(c)
        return t

    def copy(self) -> "Thesaurus":
        return Thesaurus(dict(self.concepts), dict(self._by_term), self.signature, self.shipped_base)

    def add(self, concept: Concept) -> None:
        """Add or extend a concept. A term already held by another concept stays with that one."""
        self.signature += ((concept.id, concept.terms, concept.group),)
        existing = self.concepts.get(concept.id)
        if existing is not None:
            for lang in LANGUAGES:
                existing = existing.with_terms(lang, getattr(concept, lang))
            concept = existing
        self.concepts[concept.id] = concept
        for term in concept.terms:
            key = normalize(term)
            if key:
                self._by_term.setdefault(key, concept.id)

    def concept_of(self, term: str) -> Concept | None:
        cid = self._by_term.get(normalize(term))
        return self.concepts.get(cid) if cid else None

    def equivalents(self, term: str) -> tuple[str, ...]:
        """Every term of the term's concept (the term itself first), or just the term."""
        concept = self.concept_of(term)
        if concept is None:
            return (term,)
        key = normalize(term)
        return (term, *(t for t in concept.terms if normalize(t) != key))

    def synonyms(self) -> dict[str, list[str]]:
        """Meilisearch ``synonyms``: each term maps to the other terms of its concept (multi-way).
        Keys and values are normalised (lower case, NFKC) and Chinese terms appear in Traditional
        and Simplified, since the engine compares the words as typed; sorted, so equal thesauri
        give equal settings.

        Working them out takes ~50 ms and every server start, index build and thesaurus push asks
        for them several times (once per index): a shipped-based thesaurus's synonyms are kept per
        signature (a few, bounded). The caller gets its own copy."""
        if not self.shipped_base:
            return self._synonyms()
        cached = _SYNONYMS.get(self.signature)
        if cached is None:
            cached = _SYNONYMS[self.signature] = self._synonyms()
            while len(_SYNONYMS) > 8:
                _SYNONYMS.pop(next(iter(_SYNONYMS)))
        return {key: list(values) for key, values in cached.items()}

    def _synonyms(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for concept in self.concepts.values():
            spellings = {normalize(t) for t in concept.terms if normalize(t)}
            spellings |= {simplified_form(t) for t in spellings}  # a query typed in Simplified
            keys = sorted(spellings)
            for key in keys:
                others = [k for k in keys if k != key]
                if others:
                    out.setdefault(key, [])
                    out[key] = sorted(set(out[key]) | set(others))
        return dict(sorted(out.items()))


def _concept(obj: Mapping) -> Concept:
    return Concept(id=obj["id"], ko=tuple(obj.get("ko", ())), en=tuple(obj.get("en", ())),
                   zh=tuple(obj.get("zh", ())), group=bool(obj.get("group", False)))


def load_concepts(path: Path = DATA_FILE) -> tuple[Concept, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(_concept(obj) for obj in data["concepts"])


_SYNONYMS: dict[tuple, dict[str, list[str]]] = {}  # signature -> synonyms (Thesaurus.synonyms)


@lru_cache(maxsize=1)
def shipped_concepts() -> tuple[Concept, ...]:
    return load_concepts()


@lru_cache(maxsize=1)
def _shipped() -> Thesaurus:
    thesaurus = Thesaurus.of(shipped_concepts())
    thesaurus.signature = ()  # the shipped file is the base every signature is relative to
    thesaurus.shipped_base = True
    return thesaurus


def shipped_thesaurus() -> Thesaurus:
    """A fresh thesaurus of the shipped concepts (callers may add to it; the file is read and
    indexed once per process, each caller gets its own copy)."""
    return _shipped().copy()
