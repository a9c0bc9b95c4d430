"""Writing an agenda's history, announcing the change to the search outbox and notifying the people
concerned — always together, always inside the caller's transaction."""

from __future__ import annotations

from server.accounts.models import User
from server.agendas import explanations
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, AgendaEvent
from server.notifications import fanout
from server.search import outbox


async def record(agenda: Agenda | int, kind: EventKind, *, actor: User | None, from_status: str | None = None,
                 to_status: str | None = None, reason: str | None = None, data: dict | None = None,
                 using_db=None) -> AgendaEvent:
    agenda_id = agenda if isinstance(agenda, int) else agenda.id
    event = await AgendaEvent.create(
        agenda_id=agenda_id, actor_id=actor.id if actor else None, kind=kind.value,
        from_status=from_status, to_status=to_status, reason=reason, data=data or {}, using_db=using_db,
    )
    await outbox.enqueue("agenda", agenda_id, using_db=using_db)
    await fanout.on_event(event, using_db)
    return event


def routing_fields(decision, department_ids: dict[str, int]) -> dict:
    """Agenda columns for a routing decision (automatic or manual)."""
    return {
        "owner_kind": decision.owner_kind.value,
        "owner_department_id": department_ids.get(decision.department_code) if decision.department_code else None,
        "routing_reason": decision.reason.value,
        "routing_candidates": list(decision.candidates),
        "routing_matched_terms": list(decision.matched_terms),
        "routing_explanation": decision.explanation,
        "routing_explanation_data": explanations.to_data(decision.explanation),
    }
