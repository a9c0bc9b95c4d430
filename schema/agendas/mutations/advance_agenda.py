from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.triage import advance
from schema.agendas.payloads import AgendaPayload, agenda_payload
from schema.agendas.types import AgendaStatus


@strawberry.input
class AdvanceAgendaInput:
    id: strawberry.ID
    expected_version: int
    status: AgendaStatus = strawberry.field(description="IN_PROGRESS or COMPLETED.")
    reason: str | None = None


@strawberry.mutation(description="Move an accepted agenda into progress, or a running one to completion.")
async def advance_agenda(info: Info, input: AdvanceAgendaInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: advance(viewer, input.id, input.expected_version, input.status.value,
                                                reason=input.reason))
