from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.triage import Decision, triage
from schema.agendas.payloads import AgendaPayload, agenda_payload
from schema.agendas.types import TriageDecision


@strawberry.input
class TriageAgendaInput:
    id: strawberry.ID
    expected_version: int
    decision: TriageDecision
    reason: str | None = strawberry.field(default=None, description="Required for REJECT and NEEDS_INFO.")
    merge_into_id: strawberry.ID | None = strawberry.field(default=None, description="Required for MERGE.")


@strawberry.mutation(description="Accept, reject, ask for information or merge an agenda in triage.")
async def triage_agenda(info: Info, input: TriageAgendaInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: triage(viewer, input.id, input.expected_version, Decision(input.decision.value),
                                               reason=input.reason, merge_into_id=input.merge_into_id))
