"""``addThesaurusTerms``: an admin teaches routing, search and duplicate hints a new word."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.errors import UserError, payload
from schema.thesaurus.types import ThesaurusConcept
from server.thesaurus import browse
from server.thesaurus import service as domain


@strawberry.type
class ThesaurusConceptPayload:
    concept: ThesaurusConcept | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ThesaurusTermsInput:
    concept: str = strawberry.field(description="An existing concept (e.g. wheelchair), or a new name to start one.")
    ko: list[str] | None = None
    en: list[str] | None = None
    zh: list[str] | None = strawberry.field(default=None, description="Traditional or Simplified; compared as Traditional.")


@strawberry.mutation(description="Admin: add terms to a thesaurus concept, or a new concept. Routing and search "
                                 "use them from the next agenda on.")
async def add_thesaurus_terms(info: Info, input: ThesaurusTermsInput) -> ThesaurusConceptPayload:
    viewer = await info.context.viewer()
    return await payload(ThesaurusConceptPayload, lambda: domain.add_terms(
        viewer, input.concept, ko=input.ko, en=input.en, zh=input.zh), concept=_present)


async def _present(concept) -> ThesaurusConcept | None:
    view = await browse.concept_view(concept.id)
    return ThesaurusConcept.from_view(view) if view else None


@strawberry.type
class ThesaurusMutations:
    add_thesaurus_terms = add_thesaurus_terms
