from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.triage import reroute
from schema.agendas.payloads import AgendaPayload, agenda_payload
from schema.agendas.types import OwnerKind


@strawberry.input
class RouteAgendaInput:
    id: strawberry.ID
    expected_version: int
    owner_kind: OwnerKind
    department_code: str | None = None
    reason: str = strawberry.field(description="Why it is rerouted; recorded in the history.")


@strawberry.mutation(description="Reroute an agenda to a department or to the Social Innovation Officer.")
async def route_agenda(info: Info, input: RouteAgendaInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: reroute(viewer, input.id, input.expected_version, input.owner_kind.value,
                                                input.department_code, input.reason))
