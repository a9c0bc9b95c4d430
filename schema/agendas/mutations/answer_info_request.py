from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.service import answer_info_request as answer
from schema.agendas.payloads import AgendaPayload, agenda_payload


@strawberry.input
class AnswerInfoRequestInput:
    id: strawberry.ID
    expected_version: int
    answer: str
    title: str | None = strawberry.field(default=None, description="Optionally revise the title.")
    body: str | None = strawberry.field(default=None, description="Optionally revise the description.")


@strawberry.mutation(description="The proposer answers a request for information; the agenda is routed again.")
async def answer_info_request(info: Info, input: AnswerInfoRequestInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: answer(viewer, input.id, input.expected_version, input.answer,
                                               title=input.title, body=input.body))
