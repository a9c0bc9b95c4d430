from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload
from schema.participation.types import ModerationDecision


@strawberry.mutation(description="Restore or remove a reported comment, with the reason (recorded in the audit "
                                 "log). Admins and the Social Innovation Officer.")
async def moderate_comment(info: Info, id: strawberry.ID, decision: ModerationDecision, reason: str) -> CommentPayload:
    viewer = await info.context.viewer()
    return await comment_payload(lambda: service.moderate_comment(viewer, id, decision.value, reason))
