from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.service import ProposalInput, propose
from schema.agendas.payloads import AgendaPayload, agenda_payload
from schema.agendas.types import Channel, PolicyField, Visibility


@strawberry.input
class ProposeAgendaInput:
    title: str = strawberry.field(description="5–200 characters.")
    body: str = strawberry.field(description="20–20,000 characters.")
    field: PolicyField
    channel: Channel = Channel.CITIZEN_PROPOSAL
    district: str | None = strawberry.field(default=None, description="A district code such as JONGNO, or null.")
    related_department_codes: list[str] | None = None
    work_plan_item_id: strawberry.ID | None = None
    visibility: Visibility | None = strawberry.field(default=None, description="Staff only: INTERNAL.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying a submission: you get the same agenda, never a twin.")


@strawberry.mutation(description="Propose an agenda; it is routed to its owner at once.")
async def propose_agenda(info: Info, input: ProposeAgendaInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    wp = None
    if input.work_plan_item_id is not None:
        try:
            wp = int(input.work_plan_item_id)
        except ValueError:
            wp = -1
    data = ProposalInput(
        title=input.title, body=input.body, field=input.field.value, channel=input.channel.value,
        district=input.district, related_department_codes=list(input.related_department_codes or []),
        work_plan_item_id=wp, visibility=input.visibility.value if input.visibility else None,
        idempotency_key=input.idempotency_key,
    )
    return await agenda_payload(lambda: propose(viewer, data, info.context.settings))
