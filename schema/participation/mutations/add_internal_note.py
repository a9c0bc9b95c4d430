from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import InternalNotePayload, note_payload


@strawberry.input
class AddInternalNoteInput:
    agenda_id: strawberry.ID
    body: str = strawberry.field(description="Up to 5,000 characters; staff-only, never public.")


@strawberry.mutation(description="Write a staff-only note on an agenda (the owning department's staff, the officer, "
                                 "admins).")
async def add_internal_note(info: Info, input: AddInternalNoteInput) -> InternalNotePayload:
    viewer = await info.context.viewer()
    return await note_payload(lambda: service.add_internal_note(viewer, input.agenda_id, input.body))
