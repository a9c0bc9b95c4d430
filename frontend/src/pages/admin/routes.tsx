// Routes of the admin area's users-and-roles and audit-log pages (the departments page and the mail
// page live with the staff routes). Loaded on demand.
import { lazy } from "react";
import { Route } from "react-router-dom";

const UsersPage = lazy(() => import("./UsersPage").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./AuditPage").then((m) => ({ default: m.AuditPage })));

export const adminRoutes = [
  <Route key="admin-users" path="/admin/users" element={<UsersPage />} />,
  <Route key="admin-audit" path="/admin/audit" element={<AuditPage />} />,
];
