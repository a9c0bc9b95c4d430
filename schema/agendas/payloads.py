from __future__ import annotations

import strawberry

from schema.agendas.types import Agenda
from schema.errors import UserError


@strawberry.type
class AgendaPayload:
    agenda: Agenda | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


async def agenda_payload(fn) -> AgendaPayload:
    from schema.errors import run_domain

    result, errors = await run_domain(fn)
    if errors:
        return AgendaPayload(errors=errors)
    return AgendaPayload(agenda=Agenda.from_model(result))
