// Routes of the reader's notifications: the list and its settings, loaded on demand.
import { lazy } from "react";
import { Route } from "react-router-dom";

const NotificationsPage = lazy(() => import("./NotificationsPage").then((m) => ({ default: m.NotificationsPage })));
const NotificationSettingsPage = lazy(() =>
  import("./NotificationSettingsPage").then((m) => ({ default: m.NotificationSettingsPage })),
);

export const notificationRoutes = [
  <Route key="notifications" path="/notifications" element={<NotificationsPage />} />,
  <Route key="notification-settings" path="/settings/notifications" element={<NotificationSettingsPage />} />,
];
