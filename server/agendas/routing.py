"""The routing rule (분담체계): which department — or the Social Innovation Officer — owns a
new agenda, decided by a pure, deterministic function that explains itself.

Pure Python, no ORM and no I/O: the persistence layer adapts its rows into the small frozen
dataclasses below, calls :func:`route` and stores the :class:`RoutingDecision` (reason, candidates,
matched terms, explanation) next to the agenda, so that a person can always see *why* an agenda
landed where it did. Staff reroutes are recorded with :func:`manual_decision` (reason ``MANUAL``).

Text matching
-------------
Agendas arrive in Korean, English and Traditional Chinese, so "a term occurs in the text" means:

* Both sides are normalised with :func:`normalize` — NFKC (full-width ``ＢＵＳ`` is ``BUS``, composed
  and decomposed Hangul are equal), case folding, invisible characters (zero-width space, soft
  hyphen, BOM) removed, whitespace collapsed.
* Korean and Chinese terms match as **substrings**: neither language marks word boundaries the way
  English does — a Korean noun carries a particle (``저상버스를``) or sits inside a compound
  (``저상버스예약앱``), a Chinese word sits inside a sentence (``我希望低地板公車可以預約``). A
  consequence is that catalogue keywords must be specific compounds: ``버스`` would also match
  ``버스킹`` (busking), so the catalogue says ``저상버스``, ``마을버스``, ``버스정류장``.
  Korean spacing is notoriously inconsistent, so in a Korean/Chinese term of three or more characters
  a space may appear or disappear between any two characters (``공동육아`` matches ``공동 육아``).
* Latin-script terms match whole words, case-insensitively: ``bus`` matches ``Bus``, ``buses`` and
  ``bus를`` but not ``business`` or ``busy``. The last word may take a simple plural (``-s``,
  ``-es``, ``-y`` → ``-ies``), so keywords are written in the singular. Inside a multi-word term a
  space, hyphen, slash or middle dot is optional and interchangeable (``low-floor bus`` matches
  ``low floor buses``; ``wi-fi`` matches ``WiFi``).
* Terms with fewer than two characters (after normalisation, separators ignored) never match: one
  Hangul syllable or one Han character occurs everywhere.
* **Longest match wins**: an occurrence that lies strictly inside a longer matched term's occurrence
  is not counted. ``저상버스`` does not also count as ``버스``; ``이주노동자`` (migrant workers, a
  global-affairs term) does not also count as ``노동자`` (a labour term); ``공구도서관`` (a tool
  library, a sharing-city term) does not also count as ``도서관`` (a culture term). The same term in
  several departments' lists (the same span) counts for each of them. Department keywords and
  work-plan keywords are two separate vocabularies: the rule is applied within each, never across.

**The civic thesaurus** (:mod:`server.thesaurus`): when the router is given one, a keyword that is a
term of a concept stands for the whole concept — 휠체어 in a catalogue also matches ``wheelchair``,
``輪椅`` and ``轮椅`` — and the concept counts as *one* term, however many of its languages occur.
The matched terms show the spellings found in the text, as the catalogue or thesaurus writes them.
Simplified Chinese is folded to Traditional by :func:`normalize`, on both sides.

**Evidence beyond keywords** (only with a thesaurus; a department with no evidence is never a
candidate, as before): the concepts its *duty statement* (사무분장) names, and its *track record* —
concepts that recur in the titles of agendas it accepted or received on a staff reroute, at least
``TRACK_MIN_AGENDAS`` more of them than agendas rerouted away from it carried (a reroute is a
correction: evidence for the new owner, against the old one). Both count like keywords and are named
in the explanation ("its duty statement covers 加裝電梯", "like #11, #12, which it accepted").

Where a term occurs matters: a term in the agenda's **title** weighs ``TITLE_WEIGHT`` (3), a term
only in its body ``BODY_WEIGHT`` (1) — the title is the proposer's own summary of what the agenda is
about, while the body also tells the story around it (where, for whom, on the way to the subway).
Each distinct term counts once, however often it is repeated (repetition is not more relevance).

The rule
--------
1. **Work plan** (``WORK_PLAN``). Only *current* items count: the item's department is among the
   given departments and active, and — when ``year`` is given — the item is of that year.

   * If the agenda *names* a current item (``work_plan_item_id``), that item's department owns it.
     A named item that is unknown, of another year or of an inactive department is ignored (and the
     explanation says so); routing continues as if nothing was named.
   * Otherwise an item *matches* when at least ``WORK_PLAN_MIN_TERMS`` (2) of its distinct keywords
     occur in the agenda (all of them if it has fewer) — one shared word is not "reflected in the
     work plan", two are. Its score is the sum of the weights of its matched keywords. The
     departments that hold a matched item scoring more than half of the best item's score compete:
     exactly one → that department, with its best item (ties: more matched terms, then the more
     recent year, then the lowest id); several departments' work plans matching about equally →
     ``MULTI_DEPARTMENT`` (the agenda is in several work plans, which is what the officer is for).

2. **Direct relation** (no work-plan decision). A department's score is the sum of the weights of
   its keywords (and its Korean and English name) that occur, plus ``FIELD_BONUS`` (1) when the
   agenda's policy field is one of the department's fields. The field is only a bonus: *a
   department with no keyword hit is never a candidate*, because every field is shared by many
   departments and would make every agenda multi-department. The candidates are

   * the departments with a keyword hit whose score is **more than half** of the leading score — a
     department that is merely mentioned in passing next to one the agenda is clearly about (a
     low-floor bus app that mentions disabled passengers once) does not make the agenda
     multi-department, while two departments with comparable evidence do; plus
   * every department the proposer or staff named as related (``related_department_codes``), which
     is a person's explicit statement and is trusted as such; unknown and inactive codes are ignored.

   Exactly one candidate → ``DIRECT_MATCH`` to it; none → the Social Innovation Officer with
   ``UNCLEAR_OWNERSHIP``; several → the officer with ``MULTI_DEPARTMENT``.

3. Every decision records its candidates (department codes, sorted) and the matched terms (as written
   in the catalogue, sorted by their normalised form) of the candidates that decided it, plus a
   one-sentence explanation that names its evidence (terms, work-plan item, duty statement) — a
   :class:`~server.i18n.Message`, English as a string, rendered in each reader's language by the
   API (Korean in ``server/i18n/ko.py``). Nothing depends on the order of the inputs except which of two
   spellings of the same term is displayed, and the same input always gives the same decision.

Performance: each distinct term is normalised and compiled once per process (LRU cache), and a
term is only searched for when all of its characters occur in the text (a set test), so most of the
catalogue's hundreds of terms cost a set comparison. :class:`Router` holds one catalogue's compiled
terms; :func:`route` builds one per call and scans the title and body once. With the thesaurus
(about 2,000 terms) building costs ~20 ms and routing ~1 ms, so code that routes many agendas keeps
one :class:`Router` (``load_router`` reuses the compiled one while the catalogue and thesaurus are
unchanged; ``bench/routing.py`` measures it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from server.i18n import Message, msg
from server.thesaurus.fold import fold_chinese

if TYPE_CHECKING:
    from server.thesaurus.model import Thesaurus

__all__ = [
    "OwnerKind",
    "RoutingReason",
    "DepartmentProfile",
    "WorkPlanProfile",
    "AgendaText",
    "RoutingDecision",
    "Precedent",
    "Router",
    "normalize",
    "find_terms",
    "route",
    "manual_decision",
    "TITLE_WEIGHT",
    "BODY_WEIGHT",
    "FIELD_BONUS",
    "WORK_PLAN_MIN_TERMS",
    "MIN_TERM_LENGTH",
]

TITLE_WEIGHT = 3
BODY_WEIGHT = 1
FIELD_BONUS = 1
WORK_PLAN_MIN_TERMS = 2
MIN_TERM_LENGTH = 2


class OwnerKind(str, Enum):
    DEPARTMENT = "DEPARTMENT"
    INNOVATION_OFFICER = "INNOVATION_OFFICER"


class RoutingReason(str, Enum):
    WORK_PLAN = "WORK_PLAN"
    DIRECT_MATCH = "DIRECT_MATCH"
    MULTI_DEPARTMENT = "MULTI_DEPARTMENT"
    UNCLEAR_OWNERSHIP = "UNCLEAR_OWNERSHIP"
    MANUAL = "MANUAL"


@dataclass(frozen=True)
class DepartmentProfile:
    """A department as the rule sees it. ``fields`` are policy-field codes (``JOBS`` …);
    ``keywords`` describe its current work (Korean, English and Chinese mixed); ``duty_statement`` is
    its 사무분장 in prose, read through the thesaurus (the concepts it names are evidence too)."""

    code: str
    name_ko: str
    name_en: str
    fields: frozenset[str]
    keywords: tuple[str, ...]
    active: bool = True
    duty_statement: str = ""


@dataclass(frozen=True)
class WorkPlanProfile:
    """One item of a department's yearly work plan (업무계획)."""

    id: int
    department_code: str
    title: str
    keywords: tuple[str, ...]
    year: int


@dataclass(frozen=True)
class Precedent:
    """A past decision the rule learns from (the department's track record): an agenda its department
    accepted (``ACCEPTED``, also in progress or completed), or a staff reroute, which is a correction —
    evidence for the department it was rerouted to (``REROUTED_TO``) and against the one it was taken
    from (``REROUTED_FROM``)."""

    agenda_id: int
    title: str
    department_code: str
    kind: str  # ACCEPTED | REROUTED_TO | REROUTED_FROM


@dataclass(frozen=True)
class AgendaText:
    """What routing reads from an agenda."""

    title: str
    body: str
    field: str
    related_department_codes: tuple[str, ...] = ()
    work_plan_item_id: int | None = None


@dataclass(frozen=True)
class RoutingDecision:
    owner_kind: OwnerKind
    department_code: str | None
    reason: RoutingReason
    candidates: tuple[str, ...]
    matched_terms: tuple[str, ...]
    work_plan_item_id: int | None
    explanation: Message  # English as a str; rendered in the reader's language with server.i18n.localize

    def as_dict(self) -> dict:
        """JSON-ready form (enum values as strings), e.g. for a JSON column or an event payload."""
        return {
            "owner_kind": self.owner_kind.value,
            "department_code": self.department_code,
            "reason": self.reason.value,
            "candidates": list(self.candidates),
            "matched_terms": list(self.matched_terms),
            "work_plan_item_id": self.work_plan_item_id,
            "explanation": self.explanation,
        }


# --------------------------------------------------------------------------------------------------
# Text normalisation and term matching
# --------------------------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_WHITESPACE = re.compile(r"\s+")
# Characters that join the words of a multi-word term; any of them (or none) may stand for another.
_SEPARATORS = frozenset(" -\u2010\u2011\u2012\u2013\u2014\u00b7\u30fb\u2027/_")
_SEP_PATTERN = r"[\s\-\u2010-\u2014\u00b7\u30fb\u2027/_]{0,3}"
# Characters that continue a Latin-script word (case-folded text has no upper case).
_LATIN_WORD = "0-9a-z\u00c0-\u024f"


def normalize(text: str | None) -> str:
    """NFKC + case folding, invisible characters removed, Simplified Chinese folded to Traditional,
    whitespace collapsed and trimmed.

    Full-width and half-width forms, composed and decomposed Hangul, upper and lower case, and
    Simplified and Traditional Chinese all compare equal afterwards (``normalize('ＢＵＳ') ==
    normalize('bus') == 'bus'``, ``normalize('轮椅') == '輪椅'``). Idempotent.
    """
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    value = fold_chinese(unicodedata.normalize("NFKC", value))  # case folding may un-normalise (NFKC_Casefold)
    return _WHITESPACE.sub(" ", value).strip()


def _is_latin(ch: str) -> bool:
    return ("0" <= ch <= "9") or ("a" <= ch <= "z") or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


def _plural_tail(term: str) -> str:
    """Regex for the end of a Latin term: optional simple plural, then a word boundary."""
    last = term[-1]
    if not ("a" <= last <= "z" or ("\u00c0" <= last <= "\u024f" and last.isalpha())):
        return ""
    if last == "y" and len(term) >= 2 and term[-2] not in "aeiouy" and _is_latin(term[-2]):
        return "(?:y|ies)"  # community → communities (the 'y' itself is replaced by the caller)
    return "(?:e?s)?"


@lru_cache(maxsize=8192)
def _compile(term: str) -> re.Pattern[str] | None:
    """Pattern for one *normalised* term, or None when the term is too short to mean anything."""
    chars = term.strip("".join(_SEPARATORS))
    solid = [c for c in chars if c not in _SEPARATORS and not c.isspace()]
    if len(solid) < MIN_TERM_LENGTH:
        return None
    loose_cjk = sum(1 for c in solid if not _is_latin(c)) >= 3
    tail = _plural_tail(chars)
    if tail == "(?:y|ies)":
        chars = chars[:-1]
    parts: list[str] = []
    if _is_latin(chars[0]):
        parts.append(f"(?<![{_LATIN_WORD}])")
    prev: str | None = None
    pending_sep = False
    for ch in chars:
        if ch in _SEPARATORS or ch.isspace():
            pending_sep = True
            continue
        if prev is not None:
            if pending_sep:
                parts.append(_SEP_PATTERN)
            elif loose_cjk and not _is_latin(prev) and not _is_latin(ch):
                parts.append(r"\s?")
        parts.append(re.escape(ch))
        prev = ch
        pending_sep = False
    if tail:
        parts.append(tail)
    if prev is not None and _is_latin(prev):
        parts.append(f"(?![{_LATIN_WORD}])")
    return re.compile("".join(parts))


@lru_cache(maxsize=8192)
def _prepare(term: str) -> tuple[str, re.Pattern[str], frozenset[str]] | None:
    """Normalised key, pattern and the characters any match must contain (a cheap prefilter:
    a term whose characters are not all in the text cannot occur in it), or None for a term that
    never matches. Cached, so a catalogue's terms are normalised and compiled once per process."""
    key = normalize(term)
    pattern = _compile(key) if key else None
    if pattern is None:
        return None
    solid = [c for c in key if c not in _SEPARATORS and not c.isspace()]
    if _plural_tail(key) == "(?:y|ies)":
        solid = solid[:-1]  # 'y' may be spelt 'ies'
    return key, pattern, frozenset(solid)


def find_terms(text: str, terms: Iterable[str]) -> tuple[str, ...]:
    """The terms (as given, first spelling of each normalised term, in input order) that occur in
    ``text`` under the matching rules of this module. Plain occurrence: the longest-match rule of
    :func:`route` is not applied here."""
    haystack = normalize(text)
    chars = set(haystack)
    found: list[str] = []
    seen: set[str] = set()
    for term in terms:
        prepared = _prepare(term)
        if prepared is None or prepared[0] in seen:
            continue
        key, pattern, required = prepared
        seen.add(key)
        if required <= chars and pattern.search(haystack):
            found.append(term)
    return tuple(found)


def _occurrences(
    text: str, patterns: dict[str, tuple[re.Pattern[str], frozenset[str]]]
) -> list[tuple[int, int, str]]:
    chars = set(text)
    spans: list[tuple[int, int, str]] = []
    for key, (pattern, required) in patterns.items():
        if not required <= chars:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), key))
    return spans


def _surviving_terms(spans: list[tuple[int, int, str]], universe: frozenset[str]) -> set[str]:
    """Terms of ``universe`` with at least one occurrence not strictly inside a longer occurrence
    of another term of the same universe."""
    own = [s for s in spans if s[2] in universe]
    own.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    alive: set[str] = set()
    for i, (start, end, key) in enumerate(own):
        if key in alive:
            continue
        inside = False
        for other_start, other_end, _ in own[:i]:  # every earlier one starts at or before `start`
            if other_end >= end and (other_end - other_start) > (end - start):
                inside = True
                break
        if not inside:
            # a later occurrence starting at the same point can't be longer (sorted by length desc)
            alive.add(key)
    return alive


_DUTY_CACHE: dict[tuple[str, tuple], tuple[str, ...]] = {}
_THESAURUS_CACHE: dict[tuple, tuple[dict, dict]] = {}


def _thesaurus_patterns(thesaurus: "Thesaurus") -> tuple[dict[str, str], dict[str, tuple[re.Pattern[str], frozenset[str]]]]:
    """Display spelling and compiled pattern of every thesaurus term, computed once per thesaurus
    content (its signature: what was added to the shipped file) — building a router per agenda must
    not pay for two thousand terms each time."""
    cache_key = thesaurus.signature
    cached = _THESAURUS_CACHE.get(cache_key)
    if cached is not None:
        return cached
    display: dict[str, str] = {}
    patterns: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {}
    for concept in thesaurus.concepts.values():
        for term in concept.terms:
            prepared = _prepare(term)
            if prepared is not None:
                display.setdefault(prepared[0], term)
                patterns.setdefault(prepared[0], (prepared[1], prepared[2]))
    if len(_THESAURUS_CACHE) > 16:
        _THESAURUS_CACHE.clear()
    _THESAURUS_CACHE[cache_key] = (display, patterns)
    return display, patterns


TRACK_MIN_AGENDAS = 2  # a term is learned when it recurs in this many more accepted than rerouted-away agendas


def _track_record(precedents: Sequence[Precedent], thesaurus: "Thesaurus") -> dict[str, dict[str, tuple[int, ...]]]:
    """Per department, one term of each thesaurus concept that recurs in the titles of agendas it
    accepted or received on reroute — at least ``TRACK_MIN_AGENDAS`` more of them than agendas
    rerouted away from it carried — with the agendas that show it (lowest ids first, at most two,
    for the explanation). Titles only: the title is the proposer's own summary."""
    support: dict[str, dict[str, set[int]]] = {}
    against: dict[str, dict[str, int]] = {}
    for p in sorted(precedents, key=lambda p: (p.agenda_id, p.department_code, p.kind)):
        code = p.department_code.strip().upper()
        terms = concept_terms(p.title, thesaurus)
        for term in terms:
            if p.kind == "REROUTED_FROM":
                against.setdefault(code, {})[term] = against.get(code, {}).get(term, 0) + 1
            else:
                support.setdefault(code, {}).setdefault(term, set()).add(p.agenda_id)
    out: dict[str, dict[str, tuple[int, ...]]] = {}
    for code, terms in support.items():
        for term, ids in sorted(terms.items()):
            if len(ids) - against.get(code, {}).get(term, 0) >= TRACK_MIN_AGENDAS:
                out.setdefault(code, {})[term] = tuple(sorted(ids)[:2])
    return out


def concept_terms(statement: str, thesaurus: "Thesaurus") -> tuple[str, ...]:
    """One term of each thesaurus concept a text (a duty statement, a past agenda's title) names,
    under the same matching rules as an agenda (longest match wins: 공구도서관 names a tool library, not a library). People and
    generic things — ``group`` concepts — are left out: 'seniors' in a statement says who is
    served, not what is done. Cached per statement and thesaurus signature (an addition changes it)."""
    if not statement or not statement.strip():
        return ()
    cache_key = (statement, thesaurus.signature)
    cached = _DUTY_CACHE.get(cache_key)
    if cached is not None:
        return cached
    text = normalize(statement)
    patterns: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {}
    concept_of: dict[str, str] = {}
    first_term: dict[str, str] = {}
    for concept in thesaurus.concepts.values():
        if concept.group:
            continue
        for term in concept.terms:
            prepared = _prepare(term)
            if prepared is not None:
                patterns.setdefault(prepared[0], (prepared[1], prepared[2]))
                concept_of.setdefault(prepared[0], concept.id)
                first_term.setdefault(concept.id, term)
    # Group concepts' terms still take part in longest-match, so that they can shadow a shorter term.
    for concept in thesaurus.concepts.values():
        if concept.group:
            for term in concept.terms:
                prepared = _prepare(term)
                if prepared is not None:
                    patterns.setdefault(prepared[0], (prepared[1], prepared[2]))
    alive = _surviving_terms(_occurrences(text, patterns), frozenset(patterns))
    ids = sorted({concept_of[k] for k in alive if k in concept_of})
    found = tuple(first_term[cid] for cid in ids)
    if len(_DUTY_CACHE) > 20_000:  # duty statements and the track record's titles
        _DUTY_CACHE.clear()
    _DUTY_CACHE[cache_key] = found
    return found


# --------------------------------------------------------------------------------------------------
# The rule
# --------------------------------------------------------------------------------------------------

OFFICER_NAME = "the Social Innovation Officer"
OFFICER = msg(OFFICER_NAME)


def _joined(parts: Sequence[Message]) -> Message:
    """Clauses joined with semicolons, each rendered in the reader's language."""
    text = parts[0]
    for part in parts[1:]:
        text = msg("{text}; {part}", text=text, part=part)
    return text


def _terms_text(terms: Sequence[str]) -> Message | str:
    return msg(" (terms: {terms})", terms=", ".join(terms)) if terms else ""


class Router:
    """The routing rule compiled for one catalogue (departments + work-plan items [+ year])."""

    def __init__(
        self,
        departments: Sequence[DepartmentProfile],
        work_plan_items: Sequence[WorkPlanProfile],
        *,
        year: int | None = None,
        thesaurus: "Thesaurus | None" = None,
        precedents: Sequence[Precedent] = (),
    ) -> None:
        self.year = year
        self._display: dict[str, str] = {}  # normalised term → first spelling seen
        self._patterns: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {}
        # A *unit* is what counts once: a keyword, or the thesaurus concept a keyword belongs to
        # (then every term of the concept, in every language, stands for it).
        self._unit_keys: dict[str, frozenset[str]] = {}
        self._term_units: dict[str, set[str]] = {}
        self._concepts: dict[str, str] = {}  # concept unit → its label, for explanations

        def register(raw: Iterable[str]) -> tuple[str, ...]:
            units: list[str] = []
            for term in raw:
                if not term or not term.strip():
                    continue
                concept = thesaurus.concept_of(term) if thesaurus is not None else None
                if concept is not None:
                    unit = f"concept:{concept.id}"
                    spellings: tuple[str, ...] = (term, *concept.terms)
                    self._concepts[unit] = concept.label
                else:
                    prepared = _prepare(term)
                    if prepared is None:
                        continue
                    unit, spellings = prepared[0], (term,)
                if unit in units:
                    continue
                keys = set(self._unit_keys.get(unit, ()))
                for spelling in spellings:
                    prepared = _prepare(spelling)
                    if prepared is None:
                        continue
                    key, pattern, required = prepared
                    self._display.setdefault(key, spelling.strip())
                    self._patterns.setdefault(key, (pattern, required))
                    self._term_units.setdefault(key, set()).add(unit)
                    keys.add(key)
                if keys:
                    self._unit_keys[unit] = frozenset(keys)
                    units.append(unit)
            return tuple(units)

        # Every term of the thesaurus takes part in longest-match, even one no department uses: the
        # thesaurus is one vocabulary, so 福利社 (a canteen) is not 福利 (welfare) and 공유주차
        # (shared parking) is not 공유 (sharing).
        shadows: frozenset[str] = frozenset()
        if thesaurus is not None:
            display, patterns = _thesaurus_patterns(thesaurus)
            self._display.update(display)
            self._patterns.update(patterns)
            shadows = frozenset(patterns)

        def universe(units: Iterable[str]) -> frozenset[str]:
            return frozenset(shadows.union(k for u in units for k in self._unit_keys[u]))

        # Departments: first profile of a code wins; inactive ones are kept only to explain.
        self._departments: dict[str, DepartmentProfile] = {}
        for dept in departments:
            code = dept.code.strip().upper()
            self._departments.setdefault(code, dept)
        self._active: dict[str, tuple[str, ...]] = {}  # code → units
        self._fields: dict[str, frozenset[str]] = {}
        self._duty: dict[str, frozenset[str]] = {}  # code → units known only from its duty statement
        # code → unit → the agendas that taught it (known only from the track record)
        self._learned: dict[str, dict[str, tuple[int, ...]]] = {}
        record = _track_record(precedents, thesaurus) if thesaurus is not None else {}
        for code in sorted(self._departments):
            dept = self._departments[code]
            if dept.active:
                own = register((*dept.keywords, dept.name_ko, dept.name_en))
                duty = register(concept_terms(dept.duty_statement, thesaurus)) if thesaurus is not None else ()
                units = own + tuple(u for u in duty if u not in own)
                self._duty[code] = frozenset(duty) - frozenset(own)
                self._learned[code] = {}
                for term, ids in record.get(code, {}).items():
                    for unit in register((term,)):
                        if unit not in units:
                            self._learned[code][unit] = ids
                self._active[code] = units + tuple(self._learned[code])
                self._fields[code] = frozenset((f or "").strip().upper() for f in dept.fields)
        self._dept_universe = universe(u for units in self._active.values() for u in units)

        # Current work-plan items, in id order.
        self._items: dict[int, tuple[WorkPlanProfile, str, tuple[str, ...]]] = {}
        for item in sorted(work_plan_items, key=lambda i: i.id):
            code = item.department_code.strip().upper()
            if code not in self._active or (year is not None and item.year != year):
                continue
            if item.id in self._items:
                continue
            self._items[item.id] = (item, code, register(item.keywords))
        self._item_universe = universe(u for _, _, units in self._items.values() for u in units)

    # -- public -----------------------------------------------------------------------------------

    def route(self, agenda: AgendaText) -> RoutingDecision:
        title = normalize(agenda.title)
        body = normalize(agenda.body)
        title_spans = _occurrences(title, self._patterns)
        body_spans = _occurrences(body, self._patterns)
        notes: list[str] = []

        # 1a. A named, current work-plan item decides.
        named = agenda.work_plan_item_id
        if named is not None:
            if named in self._items:
                item, code, keys = self._items[named]
                weights, found = self._weights(title_spans, body_spans, self._item_universe)
                terms = self._sorted_display((k for k in keys if k in weights), found)
                return RoutingDecision(
                    owner_kind=OwnerKind.DEPARTMENT,
                    department_code=code,
                    reason=RoutingReason.WORK_PLAN,
                    candidates=(code,),
                    matched_terms=terms,
                    work_plan_item_id=item.id,
                    explanation=msg(
                        "Routed to {code} because the agenda names its {year} work-plan item #{id} '{title}'{terms}.",
                        code=code, year=item.year, id=item.id, title=item.title, terms=_terms_text(terms)),
                )
            notes.append(msg("the named work-plan item #{id} is not a current item and was ignored", id=named))

        # 1b. Matching work-plan items.
        decision = self._by_work_plan(title_spans, body_spans, notes)
        if decision is not None:
            return decision

        # 2. Departments whose current work the agenda directly relates to.
        return self._by_department(agenda, title_spans, body_spans, notes)

    # -- internals --------------------------------------------------------------------------------

    def _weights(self, title_spans, body_spans, universe: frozenset[str]) -> tuple[dict[str, int], frozenset[str]]:
        """Weight of each unit found (its best-placed term: title over body; longest match first),
        and the term keys found, for display."""
        terms = {k: BODY_WEIGHT for k in _surviving_terms(body_spans, universe)}
        for k in _surviving_terms(title_spans, universe):
            terms[k] = TITLE_WEIGHT
        units: dict[str, int] = {}
        for key, weight in terms.items():
            for unit in self._term_units.get(key, ()):
                units[unit] = max(units.get(unit, 0), weight)
        return units, frozenset(terms)

    def _sorted_display(self, units: Iterable[str], found: frozenset[str]) -> tuple[str, ...]:
        """The terms found for these units, as the catalogue or the thesaurus spells them."""
        wanted = set(units)
        keys = {k for k in found if self._term_units.get(k, set()) & wanted}
        return tuple(self._display[k] for k in sorted(keys))

    def _by_work_plan(self, title_spans, body_spans, notes: list[str]) -> RoutingDecision | None:
        if not self._items:
            return None
        weights, found = self._weights(title_spans, body_spans, self._item_universe)
        if not weights:
            return None
        matched: list[tuple[int, int, WorkPlanProfile, str, tuple[str, ...]]] = []
        for item, code, keys in self._items.values():
            hits = tuple(k for k in keys if k in weights)
            if not keys or len(hits) < min(WORK_PLAN_MIN_TERMS, len(keys)):
                continue
            matched.append((sum(weights[k] for k in hits), len(hits), item, code, hits))
        if not matched:
            return None
        best = max(m[0] for m in matched)
        strong = [m for m in matched if 2 * m[0] > best]
        # Per department, its best item: score, then more terms, then more recent, then lowest id.
        per_dept: dict[str, tuple[int, int, WorkPlanProfile, str, tuple[str, ...]]] = {}
        for m in sorted(strong, key=lambda m: (-m[0], -m[1], -m[2].year, m[2].id)):
            per_dept.setdefault(m[3], m)
        if len(per_dept) == 1:
            score, _, item, code, hits = next(iter(per_dept.values()))
            terms = self._sorted_display(hits, found)
            return RoutingDecision(
                owner_kind=OwnerKind.DEPARTMENT,
                department_code=code,
                reason=RoutingReason.WORK_PLAN,
                candidates=(code,),
                matched_terms=terms,
                work_plan_item_id=item.id,
                explanation=self._sentence(msg(
                    "Routed to {code} because the agenda matches its {year} work-plan item #{id} '{title}'{terms}",
                    code=code, year=item.year, id=item.id, title=item.title, terms=_terms_text(terms)), notes),
            )
        codes = tuple(sorted(per_dept))
        terms = self._sorted_display((k for m in per_dept.values() for k in m[4]), found)
        items = ", ".join(f"{code} #{m[2].id}" for code, m in sorted(per_dept.items()))
        return RoutingDecision(
            owner_kind=OwnerKind.INNOVATION_OFFICER,
            department_code=None,
            reason=RoutingReason.MULTI_DEPARTMENT,
            candidates=codes,
            matched_terms=terms,
            work_plan_item_id=None,
            explanation=self._sentence(msg(
                "Routed to {officer} because the agenda matches the work plans of several departments ({items}){terms}",
                officer=OFFICER, items=items, terms=_terms_text(terms)), notes),
        )

    def _by_department(self, agenda: AgendaText, title_spans, body_spans, notes: list[str]) -> RoutingDecision:
        weights, found = self._weights(title_spans, body_spans, self._dept_universe)
        field = (agenda.field or "").strip().upper()
        scores: dict[str, int] = {}
        hits_of: dict[str, tuple[str, ...]] = {}
        for code, keys in self._active.items():
            hits = tuple(k for k in keys if k in weights)
            if not hits:
                continue
            bonus = FIELD_BONUS if field and field in self._fields[code] else 0
            scores[code] = sum(weights[k] for k in hits) + bonus
            hits_of[code] = hits
        best = max(scores.values(), default=0)
        by_keyword = {code for code, score in scores.items() if 2 * score > best}
        weak = sorted(set(scores) - by_keyword)

        named: set[str] = set()
        for raw in agenda.related_department_codes or ():
            code = (raw or "").strip().upper()
            if code in self._active:
                named.add(code)
            elif code:
                notes.append(msg("the inactive related department {code} was ignored", code=code)
                             if code in self._departments else
                             msg("the unknown related department {code} was ignored", code=code))
        candidates = tuple(sorted(by_keyword | named))
        terms = self._sorted_display((k for code in sorted(by_keyword) for k in hits_of[code]), found)
        if weak:
            notes.append(msg("weaker matches not counted: {codes}", codes=", ".join(weak)))

        if len(candidates) == 1:
            code = candidates[0]
            evidence: list[Message] = []
            from_duty = self._sorted_display((u for u in hits_of.get(code, ()) if u in self._duty[code]), found)
            if from_duty:
                evidence.append(msg("its duty statement covers {terms}", terms=", ".join(from_duty)))
            learned = self._learned.get(code, {})
            shown = sorted({i for u in hits_of.get(code, ()) if u in learned for i in learned[u]})
            if shown:
                evidence.append(msg("like {agendas}, which it accepted", agendas=", ".join(f"#{i}" for i in shown[:3])))
            notes[:0] = evidence
            if code in by_keyword and code in named:
                why = msg("the agenda's terms point to it and it was named as related")
            elif code in by_keyword:
                why = msg("it is the only department whose current work the agenda directly relates to")
            else:
                why = msg("it was named as related and no department's keywords or work plan match the agenda")
            return RoutingDecision(
                owner_kind=OwnerKind.DEPARTMENT,
                department_code=code,
                reason=RoutingReason.DIRECT_MATCH,
                candidates=candidates,
                matched_terms=terms,
                work_plan_item_id=None,
                explanation=self._sentence(
                    msg("Routed to {code} because {why}{terms}", code=code, why=why, terms=_terms_text(terms)), notes),
            )
        if not candidates:
            return RoutingDecision(
                owner_kind=OwnerKind.INNOVATION_OFFICER,
                department_code=None,
                reason=RoutingReason.UNCLEAR_OWNERSHIP,
                candidates=(),
                matched_terms=(),
                work_plan_item_id=None,
                explanation=self._sentence(msg(
                    "Routed to {officer} because ownership is unclear: no department's keywords or work plan "
                    "match the agenda and no related department was named", officer=OFFICER), notes),
            )
        parts: list[Message] = []
        if by_keyword:
            parts.append(msg("matched {codes}", codes=", ".join(sorted(by_keyword))))
        if named:
            parts.append(msg("named as related {codes}", codes=", ".join(sorted(named))))
        return RoutingDecision(
            owner_kind=OwnerKind.INNOVATION_OFFICER,
            department_code=None,
            reason=RoutingReason.MULTI_DEPARTMENT,
            candidates=candidates,
            matched_terms=terms,
            work_plan_item_id=None,
            explanation=self._sentence(msg(
                "Routed to {officer} because the agenda relates to several departments ({parts}){terms}",
                officer=OFFICER, parts=_joined(parts), terms=_terms_text(terms)), notes),
        )

    @staticmethod
    def _sentence(main: Message, notes: list[Message]) -> Message:
        return msg("{text}.", text=_joined([main, *notes]))


def route(
    agenda: AgendaText,
    departments: Sequence[DepartmentProfile],
    work_plan_items: Sequence[WorkPlanProfile],
    *,
    year: int | None = None,
    thesaurus: "Thesaurus | None" = None,
) -> RoutingDecision:
    """Apply the routing rule (see the module docstring) to one agenda."""
    return Router(departments, work_plan_items, year=year, thesaurus=thesaurus).route(agenda)


def manual_decision(
    owner_kind: OwnerKind,
    department_code: str | None,
    note: str,
    *,
    candidates: Sequence[str] = (),
    matched_terms: Sequence[str] = (),
) -> RoutingDecision:
    """A staff reroute (reason ``MANUAL``) with its written reason, in the same shape as an automatic
    decision so that history and display treat both alike."""
    note = " ".join((note or "").split())
    if not note:
        raise ValueError("a manual reroute needs a written reason")
    if owner_kind is OwnerKind.DEPARTMENT:
        if not department_code or not department_code.strip():
            raise ValueError("a department owner needs a department code")
        code: str | None = department_code.strip().upper()
        target = code
    else:
        if department_code:
            raise ValueError("the Social Innovation Officer owns an agenda without a department")
        code, target = None, OFFICER
    return RoutingDecision(
        owner_kind=owner_kind,
        department_code=code,
        reason=RoutingReason.MANUAL,
        candidates=tuple(sorted({c.strip().upper() for c in candidates if c and c.strip()})),
        matched_terms=tuple(matched_terms),
        work_plan_item_id=None,
        explanation=msg("Rerouted manually to {target}: {note}.", target=target, note=note.rstrip(".")),
    )
