"""The research team's reviews (사회혁신연구단) and the case library (혁신사례 확산)."""

from __future__ import annotations

from server.agendas.reference import POLICY_FIELD_CODES
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import Visibility
from server.agendas.policy import Viewer, can_view
from server.agendas.validation import clean_text
from server.agendas.versioning import load_for_update
from tortoise.transactions import in_transaction

from server.errors import DomainError, ValidationErrors
from server.search import outbox
from server.workshops.enums import CaseOrigin
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import InnovationCase, Review
from server.workshops.policy import may_publish_cases, may_review
from server.i18n import msg

# The stated criteria a review scores, 1 (weak) to 5 (strong).
CRITERIA = ("INNOVATION", "FEASIBILITY", "IMPACT", "CITIZEN_PARTICIPATION", "SUSTAINABILITY")


async def review(viewer: Viewer, agenda_id, *, scores: dict[str, int], opinion: str) -> Review:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_review(viewer):
        raise DomainError(C.FORBIDDEN, "Only research-team experts review agendas.")
    agenda = await load_for_update(agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such agenda.", "agendaId")
    errors: list[DomainError] = []
    unknown = sorted(set(scores) - set(CRITERIA))
    missing = sorted(set(CRITERIA) - set(scores))
    if unknown or missing:
        errors.append(DomainError(C.INVALID, msg("Score exactly these criteria: {criteria}.", criteria=", ".join(CRITERIA)), "scores"))
    if any(not isinstance(v, int) or not 1 <= v <= 5 for v in scores.values()):
        errors.append(DomainError(C.INVALID, "Each score is a whole number from 1 to 5.", "scores"))
    try:
        opinion_ = clean_text(opinion, field="opinion", lo=10, hi=10_000, label="opinion")
    except DomainError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    existing = await Review.get_or_none(agenda_id=agenda.id, reviewer_id=viewer.user.id)
    if existing:  # a reviewer revises their review rather than adding a second one
        existing.scores, existing.opinion = dict(scores), opinion_
        await existing.save()
        return existing
    return await Review.create(agenda_id=agenda.id, reviewer_id=viewer.user.id, scores=dict(scores), opinion=opinion_)


async def publish_case(viewer: Viewer, *, title: str, summary: str, outcome: str = "", lessons: str = "",
                       origin: str, field: str | None = None, place: str = "", agenda_id=None) -> InnovationCase:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_publish_cases(viewer):
        raise DomainError(C.FORBIDDEN, "City staff publish innovation cases.")
    errors: list[DomainError] = []
    try:
        origin_ = CaseOrigin(origin)
    except ValueError:
        raise DomainError(C.INVALID, "Origin is PROGRAMME, DOMESTIC or INTERNATIONAL.", "origin") from None
    agenda = None
    if origin_ == CaseOrigin.PROGRAMME:
        agenda = await load_for_update(agenda_id) if agenda_id is not None else None
        if agenda is None or not can_view(viewer, agenda):
            raise DomainError(C.NOT_FOUND, "Choose the completed agenda this case tells about.", "agendaId")
        if agenda.status != S.COMPLETED.value or agenda.visibility != Visibility.PUBLIC.value:
            raise DomainError(C.INVALID, "Only a completed public agenda becomes a case.", "agendaId")
        if await InnovationCase.filter(agenda_id=agenda.id).exists():
            raise DomainError(C.DUPLICATE, "This agenda is already published as a case.", "agendaId")
        field = field or agenda.field
    elif agenda_id is not None:
        errors.append(DomainError(C.INVALID, "Domestic and international cases are not agendas of ours.", "agendaId"))
    if field not in POLICY_FIELD_CODES:
        errors.append(DomainError(C.INVALID, "Choose one of the five policy fields.", "field"))

    def text(value, name, lo, hi, label, single=False):
        try:
            return clean_text(value, field=name, lo=lo, hi=hi, label=label, single_line=single) if (value or "").strip() or lo else ""
        except DomainError as exc:
            errors.append(exc)
            return None

    title_ = text(title, "title", 5, 200, "title", True)
    summary_ = text(summary, "summary", 20, 20_000, "summary")
    outcome_ = text(outcome, "outcome", 0, 20_000, "outcome")
    lessons_ = text(lessons, "lessons", 0, 20_000, "lessons")
    place_ = text(place, "place", 0, 120, "place", True)
    if errors:
        raise ValidationErrors(errors)
    async with in_transaction() as conn:
        case = await InnovationCase.create(agenda_id=agenda.id if agenda else None, origin=origin_.value, title=title_,
                                           summary=summary_, outcome=outcome_, lessons=lessons_, field=field,
                                           place=place_, created_by_id=viewer.user.id, using_db=conn)
        await outbox.enqueue("case", case.id, using_db=conn)
    return case
