// The notification queries and mutations the bell, the notifications page and the settings use.
import { graphql } from "../gql";

export const UnreadCountDocument = graphql(`
  query UnreadNotificationCount { unreadNotificationCount }
`);

export const NotificationsDocument = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind title body createdAt readAt agenda { id title } } }
    }
  }
`);

export const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean!) {
    markNotificationsRead(ids: $ids, all: $all) { marked unreadCount errors { field code message } }
  }
`);

export const PreferencesDocument = graphql(`
  query NotificationPreferences { notificationPreferences { email language } }
`);

export const UpdatePreferencesDocument = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) { preferences { email language } errors { field code message } }
  }
`);
