from __future__ import annotations

import strawberry

from schema.errors import UserError, payload
from schema.participation.types import Comment, InternalNote


@strawberry.type
class CommentPayload:
    comment: Comment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class InternalNotePayload:
    note: InternalNote | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


async def comment_payload(fn) -> CommentPayload:
    return await payload(CommentPayload, fn, comment=Comment.from_model)


async def note_payload(fn) -> InternalNotePayload:
    return await payload(InternalNotePayload, fn, note=InternalNote.from_model)
