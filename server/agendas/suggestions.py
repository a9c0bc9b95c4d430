"""Keyword suggestions from corrections: for an admin, per department, the thesaurus terms that recur
in agendas staff rerouted *to* it — words the automatic rule missed — each accepted with one action
("add 곰팡이 to HOUSING? seen in 4 rerouted agendas"). A suggestion already covered by one of the
department's keywords (the same concept) is not shown."""

from __future__ import annotations

from dataclasses import dataclass

from server.agendas.departments import _clean_code, _require_admin, load_precedents, update_department
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Department
from server.agendas.policy import Viewer
from server.agendas.routing import concept_terms, normalize
from server.errors import DomainError
from server.i18n import msg
from server.thesaurus.service import load_thesaurus

MIN_REROUTES = 2
MAX_SUGGESTIONS = 20


@dataclass(frozen=True)
class KeywordSuggestion:
    term: str
    concept: str  # the concept's label in three languages
    agenda_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.agenda_ids)


async def _department(code: str) -> Department:
    dept = await Department.get_or_none(code=_clean_code(code))
    if dept is None:
        raise DomainError(C.NOT_FOUND, msg("No such department."), "departmentCode")
    return dept


async def keyword_suggestions(viewer: Viewer, department_code: str) -> list[KeywordSuggestion]:
    _require_admin(viewer)
    dept = await _department(department_code)
    thesaurus = await load_thesaurus()
    covered = {c.id for k in dept.keywords or [] if (c := thesaurus.concept_of(k)) is not None}
    covered_terms = {normalize(k) for k in dept.keywords or []}
    seen: dict[str, set[int]] = {}
    codes = dict(await Department.all().values_list("id", "code"))
    for p in await load_precedents(codes):
        if p.kind != "REROUTED_TO" or p.department_code != dept.code:
            continue
        for term in concept_terms(p.title, thesaurus):
            seen.setdefault(term, set()).add(p.agenda_id)
    out = []
    for term, ids in seen.items():
        concept = thesaurus.concept_of(term)
        if len(ids) < MIN_REROUTES or normalize(term) in covered_terms or (concept and concept.id in covered):
            continue
        out.append(KeywordSuggestion(term, concept.label if concept else term, tuple(sorted(ids))))
    out.sort(key=lambda s: (-s.count, normalize(s.term)))
    return out[:MAX_SUGGESTIONS]


async def accept_keyword_suggestion(viewer: Viewer, department_code: str, term: str) -> Department:
    """Add the suggested term to the department's keywords (its concept then routes in every language)."""
    _require_admin(viewer)
    dept = await _department(department_code)
    if not any(normalize(s.term) == normalize(term) for s in await keyword_suggestions(viewer, dept.code)):
        raise DomainError(C.INVALID, msg("“{term}” is not a current suggestion for this department.", term=term), "term")
    return await update_department(viewer, dept.code, keywords=[*(dept.keywords or []), term])
