// The frame of every page: skip link, header with the menu for the viewer's role, language switch,
// the notification bell for a signed-in reader, and one <main> landmark that receives focus on
// navigation (so screen readers hear the new page).
import { useEffect, useRef, type ReactNode } from "react";
import { NavLink, useLocation, useNavigate } from "react-router-dom";
import { ADMIN_ROLES, MODERATOR_ROLES, hasRole } from "../auth/roles";
import { useSession } from "../auth/session";
import { LOCALES, useI18n } from "../i18n";
import { NotificationBell } from "../notifications/Bell";
import { useSwitchLanguage } from "../notifications/language";

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const switchLanguage = useSwitchLanguage();
  const { me, isStaff, isFacilitator, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const onLogout = async () => {
    await logout();
    navigate("/");
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◎
            </span>{" "}
            {t("app.name")}
          </NavLink>
          <nav aria-label={t("nav.main")}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/propose">{t("nav.propose")}</NavLink>
              </li>
              {me && (
                <li>
                  <NavLink to="/my">{t("nav.mine")}</NavLink>
                </li>
              )}
              {isStaff && (
                <li>
                  <NavLink to="/triage">{t("nav.triage")}</NavLink>
                </li>
              )}
              {isFacilitator && (
                <>
                  <li>
                    <NavLink to="/workshops">{t("nav.workshops")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/progress">{t("nav.progress")}</NavLink>
                  </li>
                </>
              )}
              <li>
                <NavLink to="/cases">{t("nav.cases")}</NavLink>
              </li>
              {hasRole(MODERATOR_ROLES, me?.role) && (
                <li>
                  <NavLink to="/moderation">{t("nav.moderation")}</NavLink>
                </li>
              )}
              {hasRole(ADMIN_ROLES, me?.role) && (
                <li>
                  <NavLink to="/admin/mail">{t("nav.adminMail")}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="header-tools">
            <div className="lang-switch" role="group" aria-label={t("nav.language")}>
              {LOCALES.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  aria-pressed={locale === l}
                  className={locale === l ? "active" : ""}
                  onClick={() => switchLanguage(l)}
                >
                  {l === "ko" ? "한국어" : "English"}
                </button>
              ))}
            </div>
            {me ? (
              <div className="account">
                <NotificationBell />
                <span className="who">{t("nav.signedInAs", { name: me.displayName })}</span>
                <button type="button" className="link-button" onClick={onLogout}>
                  {t("nav.logout")}
                </button>
              </div>
            ) : (
              <div className="account">
                <NavLink to="/login">{t("nav.login")}</NavLink>
                <NavLink to="/register">{t("nav.register")}</NavLink>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("app.tagline")}</p>
        <p>
          <a href="/export/agendas.csv">CSV</a> · <a href="/export/agendas.json">JSON</a> · <a href="/graphql">GraphQL</a>
        </p>
      </footer>
    </>
  );
}
