// Every page has its own <title> ("분류함 · 서울 사회혁신 의제"): the frame derives it from the route,
// and a page that knows better (an agenda's or a case's own title) says so with usePageTitle. A
// page's title is kept only for its own path, so navigating away never leaves a stale one behind.
// The server puts a public agenda's title into the HTML it serves too (civic/frontend.py), for
// messengers that read a shared link without running the app.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { matchPath, useLocation } from "react-router-dom";
import { useI18n, type MessageKey } from "../i18n";

type Claimed = { path: string; title: string } | null;
const TitleContext = createContext<(claimed: Claimed) => void>(() => {});

/** Route patterns and their titles; the first match wins (more specific first). */
export const ROUTE_TITLES: [string, MessageKey][] = [
  ["/", "title.home"],
  ["/propose", "title.propose"],
  ["/my", "title.my"],
  ["/login", "title.login"],
  ["/register", "title.register"],
  ["/triage", "title.triage"],
  ["/triage/agendas/:id", "title.triageAgenda"],
  ["/admin", "title.admin"],
  ["/admin/mail", "title.adminMail"],
  ["/admin/*", "title.admin"],
  ["/workshops", "title.workshops"],
  ["/workshops/:id", "title.workshops"],
  ["/progress", "title.progress"],
  ["/progress/report", "title.report"],
  ["/research/review", "title.review"],
  ["/research/review/:id", "title.review"],
  ["/cases", "title.cases"],
  ["/cases/new", "title.publishCase"],
  ["/cases/:id", "title.cases"],
  ["/notifications", "title.notifications"],
  ["/settings/notifications", "title.notificationSettings"],
  ["/verify-email", "title.account"],
  ["/forgot-password", "title.account"],
  ["/reset-password", "title.account"],
];

export function routeTitleKey(pathname: string): MessageKey | null {
  const hit = ROUTE_TITLES.find(([pattern]) => matchPath({ path: pattern, end: true }, pathname));
  return hit ? hit[1] : null;
}

/** Sets document.title for the current route; wraps the app's pages (in Layout). */
export function PageTitleProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [claimed, setClaimed] = useState<Claimed>(null);
  useEffect(() => {
    const own = claimed && claimed.path === pathname ? claimed.title : null;
    const key = routeTitleKey(pathname);
    const page = own ?? (key ? t(key) : pathname === "/" ? null : t("title.notFound"));
    document.title = page ? `${page} · ${t("app.title")}` : t("app.title");
  }, [claimed, pathname, t]);
  return <TitleContext.Provider value={setClaimed}>{children}</TitleContext.Provider>;
}

/** A page's own title (e.g. the agenda's), while it is shown. Undefined: the route's title. */
export function usePageTitle(title: string | null | undefined) {
  const claim = useContext(TitleContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!title) return;
    claim({ path: pathname, title });
    return () => claim(null);
  }, [claim, pathname, title]);
}
