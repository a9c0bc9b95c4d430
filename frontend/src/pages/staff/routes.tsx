// Routes of the staff area: the triage inbox, the triage panel of one agenda, the admin screen and
// the admins' outgoing mail.
// Loaded on demand: a citizen's first visit does not download the staff screens.
import { lazy } from "react";
import { Route } from "react-router-dom";

const AdminPage = lazy(() => import("./AdminPage").then((m) => ({ default: m.AdminPage })));
const ThesaurusPage = lazy(() => import("./ThesaurusPage").then((m) => ({ default: m.ThesaurusPage })));
const AdminImportPage = lazy(() => import("./AdminImportPage").then((m) => ({ default: m.AdminImportPage })));
const AdminMailPage = lazy(() => import("./AdminMailPage").then((m) => ({ default: m.AdminMailPage })));
const TriageInboxPage = lazy(() => import("./TriageInbox").then((m) => ({ default: m.TriageInboxPage })));
const TriagePanelPage = lazy(() => import("./TriagePanel").then((m) => ({ default: m.TriagePanelPage })));

export const staffRoutes = [
  <Route key="triage" path="/triage" element={<TriageInboxPage />} />,
  <Route key="triage-agenda" path="/triage/agendas/:id" element={<TriagePanelPage />} />,
  <Route key="admin" path="/admin" element={<AdminPage />} />,
  <Route key="admin-mail" path="/admin/mail" element={<AdminMailPage />} />,
  <Route key="admin-thesaurus" path="/admin/thesaurus" element={<ThesaurusPage />} />,
  <Route key="admin-import" path="/admin/import" element={<AdminImportPage />} />,
];
