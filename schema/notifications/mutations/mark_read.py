from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.notifications import service
from schema.errors import run_domain
from schema.notifications.types import MarkNotificationsReadPayload


@strawberry.mutation(description="Mark your notifications read: the ones named (at most 100), or all.")
async def mark_notifications_read(info: Info, ids: list[strawberry.ID] | None = None,
                                  all: bool = False) -> MarkNotificationsReadPayload:
    viewer = await info.context.viewer()
    marked, errors = await run_domain(lambda: service.mark_read(viewer, ids=ids, all_=all))
    if errors:
        return MarkNotificationsReadPayload(errors=errors)
    return MarkNotificationsReadPayload(marked=marked, unread_count=await service.unread_count(viewer))
