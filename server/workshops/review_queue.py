"""The research team's queue: agendas the signed-in expert has not reviewed yet, oldest first.

Researchers have no field of their own in the model; a researcher who belongs to departments (a
research-team unit, say) covers the policy fields of those departments and sees only those. One
without departments, or whose departments name no field, sees every reviewable agenda, ordered by
field and then oldest first, so the page can show them grouped.

Reviewable: an agenda the city took on (accepted, in progress or completed) — a proposal still in
triage or one that was rejected or merged has nothing to review yet."""

from __future__ import annotations

from tortoise.expressions import Subquery

from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda, Department
from server.agendas.policy import Viewer
from server.agendas.reference import POLICY_FIELD_CODES
from server.errors import DomainError
from server.i18n import msg
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import Review
from server.workshops.policy import may_review

REVIEWABLE = (S.ACCEPTED.value, S.IN_PROGRESS.value, S.COMPLETED.value)
MAX_QUEUE = 100


async def reviewer_fields(viewer: Viewer) -> list[str]:
    """The policy fields a researcher covers (empty: all of them)."""
    if not viewer.department_ids:
        return []
    fields: set[str] = set()
    for row in await Department.filter(id__in=list(viewer.department_ids)).values_list("policy_fields", flat=True):
        fields.update(f for f in row or [] if f in POLICY_FIELD_CODES)
    return sorted(fields)


async def review_queue(viewer: Viewer, *, first: int = 50) -> list[Agenda]:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_review(viewer):
        raise DomainError(C.FORBIDDEN, "Only research-team experts review agendas.")
    if not 0 <= first <= MAX_QUEUE:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} agendas at a time.", max=MAX_QUEUE), "first")
    fields = await reviewer_fields(viewer)
    reviewed = Subquery(Review.filter(reviewer_id=viewer.user.id).values("agenda_id"))
    q = Agenda.filter(status__in=REVIEWABLE).exclude(id__in=reviewed)
    if fields:
        q = q.filter(field__in=fields).order_by("created_at", "id")
    else:
        q = q.order_by("field", "created_at", "id")
    return await q.limit(first)
