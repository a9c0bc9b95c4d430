from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload


@strawberry.mutation(description="Mark a comment written by city staff as the agenda's official answer (official: "
                                 "false unmarks it). The owner's staff, the officer, admins.")
async def mark_official_answer(info: Info, comment_id: strawberry.ID, official: bool = True) -> CommentPayload:
    viewer = await info.context.viewer()
    return await comment_payload(lambda: service.mark_official_answer(viewer, comment_id, official))
