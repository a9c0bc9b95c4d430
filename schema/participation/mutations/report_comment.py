from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.participation.payloads import CommentPayload, comment_payload
from schema.participation.types import CommentReportReason


@strawberry.mutation(description="Report a comment (once per account; reporting again changes nothing). Enough "
                                 "reports from different accounts hide it until a moderator decides.")
async def report_comment(info: Info, id: strawberry.ID, reason: CommentReportReason,
                         note: str | None = None) -> CommentPayload:
    viewer = await info.context.viewer()
    limits = service.Limits.from_settings(info.context.settings)
    return await comment_payload(lambda: service.report_comment(viewer, limits, id, reason.value, note))
