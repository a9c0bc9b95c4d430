// Routes of the staff area (triage inbox and panel).
import { Route } from "react-router-dom";

export const staffRoutes = [<Route key="triage" path="/triage" element={<p>triage</p>} />];
