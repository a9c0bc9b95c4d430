import strawberry

from schema.notifications.mutations.mark_read import mark_notifications_read
from schema.notifications.mutations.preferences import update_notification_preferences


@strawberry.type
class NotificationMutations:
    mark_notifications_read = mark_notifications_read
    update_notification_preferences = update_notification_preferences
