from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.participation import service
from schema.errors import query_domain
from schema.participation.types import CommentConnection


@strawberry.type
class ParticipationQueries:
    @strawberry.field(description="Reported and hidden comments waiting for a moderator, newest first "
                                  "(admins and the Social Innovation Officer).")
    async def moderation_queue(self, info: Info, first: int = 20, after: str | None = None) -> CommentConnection:
        viewer = await info.context.viewer()
        page = await query_domain(lambda: service.moderation_queue(viewer, first=first, after=after))
        return CommentConnection.from_page(page, had_cursor=after is not None)


async def agenda_comments(info: Info, agenda_model, first: int, after: str | None, order) -> CommentConnection:
    """``Agenda.comments``: the agenda resolver has already checked the caller may see the agenda."""
    viewer = await info.context.viewer()
    page = await query_domain(lambda: service.list_comments(viewer, agenda_model, first=first, after=after,
                                                            order=order))
    return CommentConnection.from_page(page, had_cursor=after is not None)
