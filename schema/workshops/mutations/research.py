from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.workshops import research
from schema.agendas.types import PolicyField
from schema.errors import UserError, run_domain
from schema.workshops.types import CaseOrigin, InnovationCase, Review


@strawberry.input
class ReviewScoresInput:
    innovation: int
    feasibility: int
    impact: int
    citizen_participation: int
    sustainability: int


@strawberry.type
class ReviewPayload:
    review: Review | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CasePayload:
    case: InnovationCase | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class PublishCaseInput:
    origin: CaseOrigin
    title: str
    summary: str
    outcome: str = ""
    lessons: str = ""
    field: PolicyField | None = None
    place: str = ""
    agenda_id: strawberry.ID | None = None


@strawberry.mutation(description="Research team: score an agenda 1–5 on each criterion, with an opinion.")
async def review_agenda(info: Info, agenda_id: strawberry.ID, scores: ReviewScoresInput, opinion: str) -> ReviewPayload:
    viewer = await info.context.viewer()
    s = {"INNOVATION": scores.innovation, "FEASIBILITY": scores.feasibility, "IMPACT": scores.impact,
         "CITIZEN_PARTICIPATION": scores.citizen_participation, "SUSTAINABILITY": scores.sustainability}
    result, errors = await run_domain(lambda: research.review(viewer, agenda_id, scores=s, opinion=opinion))
    return ReviewPayload(errors=errors) if errors else ReviewPayload(review=Review.from_model(result))


@strawberry.mutation(description="Publish a completed agenda, or a domestic or international case, to the case library.")
async def publish_case(info: Info, input: PublishCaseInput) -> CasePayload:
    viewer = await info.context.viewer()
    result, errors = await run_domain(lambda: research.publish_case(
        viewer, title=input.title, summary=input.summary, outcome=input.outcome, lessons=input.lessons,
        origin=input.origin.value, field=input.field.value if input.field else None, place=input.place,
        agenda_id=input.agenda_id))
    return CasePayload(errors=errors) if errors else CasePayload(case=InnovationCase.from_model(result))
