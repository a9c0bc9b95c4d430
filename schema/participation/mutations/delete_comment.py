from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload


@strawberry.mutation(description="Delete your own comment: it stays in place as \"deleted\", its replies with it.")
async def delete_comment(info: Info, id: strawberry.ID) -> CommentPayload:
    viewer = await info.context.viewer()
    return await comment_payload(lambda: service.delete_comment(viewer, id))
