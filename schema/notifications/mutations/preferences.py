from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.notifications import service
from schema.errors import run_domain
from schema.notifications.types import (
    EmailPreference,
    NotificationPreferences,
    NotificationPreferencesInput,
    NotificationPreferencesPayload,
)


@strawberry.mutation(description="Choose how notifications reach you by e-mail, and your language.")
async def update_notification_preferences(info: Info, input: NotificationPreferencesInput) -> NotificationPreferencesPayload:
    viewer = await info.context.viewer()
    prefs, errors = await run_domain(lambda: service.update_preferences(
        viewer, email=input.email.value if input.email else None,
        language=input.language))
    if errors:
        return NotificationPreferencesPayload(errors=errors)
    return NotificationPreferencesPayload(preferences=NotificationPreferences(
        email=EmailPreference(prefs.email), language=prefs.language))
