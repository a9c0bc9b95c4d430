// Routes of the facilitators' area (workshops, progress dashboard, case library).
import { Route } from "react-router-dom";

export const workshopRoutes = [<Route key="workshops" path="/workshops" element={<p>workshops</p>} />];
