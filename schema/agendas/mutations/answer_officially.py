from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accountability.official_answer import answer_officially as publish
from schema.agendas.payloads import AgendaPayload, agenda_payload


@strawberry.input
class AnswerOfficiallyInput:
    id: strawberry.ID
    expected_version: int
    body: str = strawberry.field(description="The answer, 20 to 5,000 characters; public on the agenda page.")


@strawberry.mutation(description="Publish (or correct) the official answer an agenda is owed once its verified "
                                 "supports reached the ANSWER threshold. The owner's staff, the officer for "
                                 "officer-owned agendas, or an admin.")
async def answer_officially(info: Info, input: AnswerOfficiallyInput) -> AgendaPayload:
    viewer = await info.context.viewer()
    return await agenda_payload(lambda: publish(viewer, input.id, input.expected_version, input.body))
