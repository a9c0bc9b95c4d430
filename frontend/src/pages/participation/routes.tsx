// Routes of participation: the moderators' queue, loaded on demand.
import { lazy } from "react";
import { Route } from "react-router-dom";

const ModerationPage = lazy(() => import("./ModerationPage").then((m) => ({ default: m.ModerationPage })));

export const participationRoutes = [<Route key="moderation" path="/moderation" element={<ModerationPage />} />];
