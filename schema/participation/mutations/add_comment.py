from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload


@strawberry.input
class AddCommentInput:
    agenda_id: strawberry.ID
    body: str = strawberry.field(description="Plain text, up to 2,000 characters; links are shown as links.")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Reply to this top-level comment.")


@strawberry.mutation(description="Comment on a public agenda, or reply to a comment (one level). Needs a verified "
                                 "e-mail address; the proposer and the followers are notified.")
async def add_comment(info: Info, input: AddCommentInput) -> CommentPayload:
    viewer = await info.context.viewer()
    limits = service.Limits.from_settings(info.context.settings)
    return await comment_payload(lambda: service.add_comment(viewer, limits, input.agenda_id, input.body,
                                                             input.parent_id))
