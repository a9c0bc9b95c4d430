// Routes of the facilitators' and research team's area (workshops, progress dashboard, performance
// report, reviews) and the public case library.
import { Route } from "react-router-dom";
import { WorkshopsPage } from "./WorkshopsPage";
import { WorkshopPage } from "./WorkshopPage";
import { ProgressPage } from "./ProgressPage";
import { ReportPage } from "./ReportPage";
import { ReviewPage } from "./ReviewPage";
import { CasesPage } from "../cases/CasesPage";
import { PublishCasePage } from "../cases/PublishCasePage";

export const workshopRoutes = [
  <Route key="workshops" path="/workshops" element={<WorkshopsPage />} />,
  <Route key="workshop" path="/workshops/:id" element={<WorkshopPage />} />,
  <Route key="progress" path="/progress" element={<ProgressPage />} />,
  <Route key="report" path="/progress/report" element={<ReportPage />} />,
  <Route key="review-choose" path="/research/review" element={<ReviewPage />} />,
  <Route key="review" path="/research/review/:agendaId" element={<ReviewPage />} />,
  <Route key="cases" path="/cases" element={<CasesPage />} />,
  <Route key="case-new" path="/cases/new" element={<PublishCasePage />} />,
];
