from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas import supports
from schema.agendas.payloads import AgendaPayload, agenda_payload


@strawberry.mutation(description="Support an agenda (idempotent).")
async def support_agenda(info: Info, id: strawberry.ID) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: supports.support(viewer, id))


@strawberry.mutation(description="Withdraw your support.")
async def withdraw_support(info: Info, id: strawberry.ID) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: supports.withdraw_support(viewer, id))


@strawberry.mutation(description="Follow (or stop following) what happens to an agenda.")
async def follow_agenda(info: Info, id: strawberry.ID, following: bool = True) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: supports.follow(viewer, id, following))
