from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.workshops import research
from schema.agendas.types import PolicyField
from schema.errors import UserError, payload
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


@strawberry.input
class ReviewAgendaInput:
    agenda_id: strawberry.ID
    scores: ReviewScoresInput
    opinion: str


@strawberry.mutation(description="Research team: score an agenda 1–5 on each criterion, with an opinion.")
async def review_agenda(info: Info, input: ReviewAgendaInput) -> ReviewPayload:
    viewer = await info.context.viewer()
    s = input.scores
    scores = {"INNOVATION": s.innovation, "FEASIBILITY": s.feasibility, "IMPACT": s.impact,
              "CITIZEN_PARTICIPATION": s.citizen_participation, "SUSTAINABILITY": s.sustainability}
    return await payload(ReviewPayload, lambda: research.review(viewer, input.agenda_id, scores=scores,
                                                                 opinion=input.opinion), review=Review.from_model)


@strawberry.mutation(description="Publish a completed agenda, or a domestic or international case, to the case library.")
async def publish_case(info: Info, input: PublishCaseInput) -> CasePayload:
    viewer = await info.context.viewer()
    return await payload(CasePayload, lambda: research.publish_case(
        viewer, title=input.title, summary=input.summary, outcome=input.outcome, lessons=input.lessons,
        origin=input.origin.value, field=input.field.value if input.field else None, place=input.place,
        agenda_id=input.agenda_id), case=InnovationCase.from_model)
