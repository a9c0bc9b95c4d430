from __future__ import annotations

import strawberry

from schema.agendas.types import Agenda
from schema.errors import UserError, payload


@strawberry.type
class AgendaPayload:
    agenda: Agenda | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


async def agenda_payload(fn) -> AgendaPayload:
    return await payload(AgendaPayload, fn, agenda=Agenda.from_model)
