"""Keyword suggestions from corrections: the admin's list, and accepting one with one action."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.accounts.types import Department
from schema.agendas.mutations.departments import DepartmentPayload
from schema.errors import payload, query_domain
from server.agendas import suggestions as domain


@strawberry.type(description="A term that recurs in agendas staff rerouted to a department: add it to its keywords?")
class KeywordSuggestion:
    term: str
    concept: str = strawberry.field(description="The thesaurus concept it belongs to, in Korean · English · Chinese.")
    count: int
    agenda_ids: list[strawberry.ID]


async def keyword_suggestions(info: Info, department_code: str) -> list[KeywordSuggestion]:
    viewer = await info.context.viewer()
    rows = await query_domain(lambda: domain.keyword_suggestions(viewer, department_code))
    return [KeywordSuggestion(term=s.term, concept=s.concept, count=s.count,
                              agenda_ids=[strawberry.ID(str(i)) for i in s.agenda_ids]) for s in rows]


@strawberry.input
class AcceptKeywordSuggestionInput:
    department_code: str
    term: str


@strawberry.mutation(description="Admin: add a suggested term to the department's routing keywords.")
async def accept_keyword_suggestion(info: Info, input: AcceptKeywordSuggestionInput) -> DepartmentPayload:
    viewer = await info.context.viewer()
    return await payload(DepartmentPayload, lambda: domain.accept_keyword_suggestion(
        viewer, input.department_code, input.term), department=Department.from_model)
