// Routes of the staff area: the triage inbox, the triage panel of one agenda, and the admin screen.
import { Route } from "react-router-dom";
import { AdminPage } from "./AdminPage";
import { TriageInboxPage } from "./TriageInbox";
import { TriagePanelPage } from "./TriagePanel";

export const staffRoutes = [
  <Route key="triage" path="/triage" element={<TriageInboxPage />} />,
  <Route key="triage-agenda" path="/triage/agendas/:id" element={<TriagePanelPage />} />,
  <Route key="admin" path="/admin" element={<AdminPage />} />,
];
