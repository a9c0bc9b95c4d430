from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload


@strawberry.input
class EditCommentInput:
    id: strawberry.ID
    body: str


@strawberry.mutation(description="Correct your own comment (it shows as edited).")
async def edit_comment(info: Info, input: EditCommentInput) -> CommentPayload:
    viewer = await info.context.viewer()
    return await comment_payload(lambda: service.edit_comment(viewer, input.id, input.body))
