"""The live thesaurus: the shipped concepts plus what admins added, and the admin action that adds.

Routing and search read :func:`load_thesaurus` on every use (one small query), so an addition
reaches the next routed agenda without a restart; the search index's synonyms follow through the
transactional outbox (topic ``thesaurus``): the term and the outbox entry commit together, and the
indexer pushes the regenerated synonyms to every index.
"""

from __future__ import annotations

import re
import unicodedata

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.policy import Viewer, may_manage_catalogue
from server.agendas.routing import MIN_TERM_LENGTH, normalize
from server.errors import DomainError, ValidationErrors
from server.i18n import msg
from server.search.outbox import enqueue
from server.thesaurus.fold import fold_chinese
from server.thesaurus.model import LANGUAGES, Concept, Thesaurus, shipped_thesaurus
from server.thesaurus.models import ThesaurusTerm

TOPIC = "thesaurus"
TERM_MAX = 60
MAX_TERMS_PER_ADDITION = 30
_CONCEPT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")


async def load_thesaurus() -> Thesaurus:
    """The shipped concepts with every admin addition on top (in the order they were made)."""
    thesaurus = shipped_thesaurus()
    rows = await ThesaurusTerm.all().order_by("id").values_list("concept_id", "lang", "term")
    for concept_id, lang, term in rows:
        thesaurus.add(Concept(concept_id, **{l: ((term,) if l == lang else ()) for l in LANGUAGES}))
    return thesaurus


def _clean_concept_id(raw: str | None) -> str:
    cid = unicodedata.normalize("NFKC", raw or "").strip().lower()
    if not cid:
        raise DomainError(C.REQUIRED, msg("Name the concept (e.g. wheelchair)."), "concept")
    if not _CONCEPT_ID.match(cid):
        raise DomainError(C.INVALID, msg("A concept name has 2 to 60 lower-case letters, digits or hyphens (e.g. low-floor-bus)."),
                          "concept")
    return cid


def _clean_terms(lang: str, raw: list[str] | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in raw or []:
        term = " ".join(unicodedata.normalize("NFC", value or "").split())
        if lang == "zh":
            term = fold_chinese(term)  # kept in Traditional, like the shipped terms
        if not term:
            continue
        key = normalize(term)
        if len(term) > TERM_MAX:
            raise DomainError(C.TOO_LONG, msg("A term has at most {max} characters.", max=TERM_MAX), lang)
        if sum(1 for ch in key if ch.isalnum()) < MIN_TERM_LENGTH:
            raise DomainError(C.TOO_SHORT, msg("“{term}” is too short to mean anything: a term has at least two letters.",
                                               term=term), lang)
        if key not in {k for _, k in out}:
            out.append((term, key))
    return out


def _require_admin(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, msg("You must be logged in."))
    if not may_manage_catalogue(viewer):
        raise DomainError(C.FORBIDDEN, msg("Only admins change the thesaurus."))


async def add_terms(viewer: Viewer, concept: str, *, ko: list[str] | None = None, en: list[str] | None = None,
                    zh: list[str] | None = None) -> Concept:
    """Add terms to a concept — a shipped one, an added one, or (with a new name) a new concept. A term
    that already belongs to a concept is refused (one word means one thing); a term the concept
    already has is skipped. All or nothing: one refused term adds none."""
    _require_admin(viewer)
    errors: list[DomainError] = []
    cid = None
    try:
        cid = _clean_concept_id(concept)
    except DomainError as exc:
        errors.append(exc)
    per_lang: dict[str, list[tuple[str, str]]] = {}
    for lang, raw in (("ko", ko), ("en", en), ("zh", zh)):
        try:
            per_lang[lang] = _clean_terms(lang, raw)
        except DomainError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    wanted = [(lang, term, key) for lang, terms in per_lang.items() for term, key in terms]
    if not wanted:
        raise DomainError(C.REQUIRED, msg("Give at least one term in Korean, English or Chinese."), "ko")
    if len(wanted) > MAX_TERMS_PER_ADDITION:
        raise DomainError(C.TOO_MANY_VALUES, msg("At most {max} terms at once.", max=MAX_TERMS_PER_ADDITION), "ko")

    thesaurus = await load_thesaurus()
    new: list[tuple[str, str, str]] = []
    for lang, term, key in wanted:
        owner = thesaurus.concept_of(term)
        if owner is None:
            new.append((lang, term, key))
        elif owner.id != cid:
            errors.append(DomainError(C.DUPLICATE, msg("“{term}” already belongs to the concept {concept}.",
                                                       term=term, concept=owner.label), lang))
    if errors:
        raise ValidationErrors(errors)
    creator = viewer.user if viewer.user is not None and viewer.user.pk else None
    try:
        async with in_transaction() as conn:
            for lang, term, key in new:
                await ThesaurusTerm.create(concept_id=cid, lang=lang, term=term, key=key, created_by=creator,
                                           using_db=conn)
            if new:
                await enqueue(TOPIC, "synonyms", using_db=conn)
    except IntegrityError:
        # Another admin added one of these terms a moment ago.
        raise DomainError(C.DUPLICATE, msg("One of these terms was just added by someone else; reload and try again."),
                          "ko") from None
    for lang, term, _ in new:
        thesaurus.add(Concept(cid, **{l: ((term,) if l == lang else ()) for l in LANGUAGES}))
    return thesaurus.concepts[cid]
