import { Suspense } from "react";
import { Link, Route, Routes } from "react-router-dom";
import { Layout } from "./components/Layout";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Loading } from "./components/States";
import { useI18n } from "./i18n";
import { HomePage } from "./pages/citizen/HomePage";
import { AgendaPage } from "./pages/citizen/AgendaPage";
import { ProposePage } from "./pages/citizen/ProposePage";
import { MyAgendasPage } from "./pages/citizen/MyAgendasPage";
import { LoginPage, RegisterPage } from "./pages/citizen/AuthPages";
import { staffRoutes } from "./pages/staff/routes";
import { workshopRoutes } from "./pages/workshops/routes";
import { notificationRoutes } from "./pages/notifications/routes";
import { accountRoutes } from "./pages/account/routes";
import { adminRoutes } from "./pages/admin/routes";
import { participationRoutes } from "./pages/participation/routes";

function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t("state.notFound")}</h1>
      <p>
        <Link to="/">{t("state.backHome")}</Link>
      </p>
    </section>
  );
}

export function App() {
  return (
    <Layout>
      <ErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/agendas/:id" element={<AgendaPage />} />
        <Route path="/propose" element={<ProposePage />} />
        <Route path="/my" element={<MyAgendasPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        {staffRoutes}
        {workshopRoutes}
        {notificationRoutes}
        {accountRoutes}
        {adminRoutes}
        {participationRoutes}
        <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
