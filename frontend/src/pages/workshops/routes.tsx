// Routes of the facilitators' and research team's area (workshops, progress dashboard, performance
// report, reviews) and the public case library. Loaded on demand, one chunk per page.
import { lazy } from "react";
import { Route } from "react-router-dom";

const WorkshopsPage = lazy(() => import("./WorkshopsPage").then((m) => ({ default: m.WorkshopsPage })));
const WorkshopPage = lazy(() => import("./WorkshopPage").then((m) => ({ default: m.WorkshopPage })));
const ProgressPage = lazy(() => import("./ProgressPage").then((m) => ({ default: m.ProgressPage })));
const ReportPage = lazy(() => import("./ReportPage").then((m) => ({ default: m.ReportPage })));
const ReviewPage = lazy(() => import("./ReviewPage").then((m) => ({ default: m.ReviewPage })));
const ReviewQueuePage = lazy(() => import("./ReviewQueuePage").then((m) => ({ default: m.ReviewQueuePage })));
const CasesPage = lazy(() => import("../cases/CasesPage").then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import("../cases/CasePage").then((m) => ({ default: m.CasePage })));
const PublishCasePage = lazy(() => import("../cases/PublishCasePage").then((m) => ({ default: m.PublishCasePage })));

export const workshopRoutes = [
  <Route key="workshops" path="/workshops" element={<WorkshopsPage />} />,
  <Route key="workshop" path="/workshops/:id" element={<WorkshopPage />} />,
  <Route key="progress" path="/progress" element={<ProgressPage />} />,
  <Route key="report" path="/progress/report" element={<ReportPage />} />,
  <Route key="review-queue" path="/research/queue" element={<ReviewQueuePage />} />,
  <Route key="review-choose" path="/research/review" element={<ReviewPage />} />,
  <Route key="review" path="/research/review/:agendaId" element={<ReviewPage />} />,
  <Route key="cases" path="/cases" element={<CasesPage />} />,
  <Route key="case-new" path="/cases/new" element={<PublishCasePage />} />,
  <Route key="case" path="/cases/:id" element={<CasePage />} />,
];
