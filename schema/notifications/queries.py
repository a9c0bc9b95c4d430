from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.notifications import service
from schema.agendas.types import PageInfo
from schema.errors import query_domain
from schema.notifications.types import (
    EmailPreference,
    Notification,
    NotificationConnection,
    NotificationEdge,
    NotificationPreferences,
    reader_language,
)


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="Your notifications, newest first.")
    async def notifications(self, info: Info, first: int = 20, after: str | None = None,
                            unread_only: bool = False) -> NotificationConnection:
        viewer = await info.context.viewer()
        page = await query_domain(lambda: service.list_notifications(viewer, first=first, after=after,
                                                                     unread_only=unread_only))
        language = reader_language(info)
        edges = [NotificationEdge(node=Notification.from_model(n, language), cursor=c)
                 for n, c in zip(page.items, page.cursors)]
        return NotificationConnection(edges=edges, page_info=PageInfo(
            has_next_page=page.has_next, has_previous_page=after is not None,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None))

    @strawberry.field(description="How many of your notifications are unread (0 when logged out).")
    async def unread_notification_count(self, info: Info) -> int:
        return await service.unread_count(await info.context.viewer())

    @strawberry.field(description="How your notifications reach you.")
    async def notification_preferences(self, info: Info) -> NotificationPreferences:
        prefs = await query_domain(lambda: _preferences(info))
        return NotificationPreferences(email=EmailPreference(prefs.email), language=prefs.language)


async def _preferences(info: Info):
    return await service.preferences(await info.context.viewer())
