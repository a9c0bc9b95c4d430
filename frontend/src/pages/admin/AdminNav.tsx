// The admin area's own sub-navigation, as data: a new admin page adds one entry here (and its route in
// routes.tsx), so the area stays one place with one menu.
import { NavLink } from "react-router-dom";
import { useI18n, type MessageKey } from "../../i18n";

export const ADMIN_PAGES: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/admin", label: "adminArea.departments", end: true },
  { to: "/admin/users", label: "adminArea.users" },
  { to: "/admin/audit", label: "adminArea.audit" },
  { to: "/admin/thesaurus", label: "adminArea.thesaurus" },
  { to: "/admin/import", label: "adminArea.import" },
  { to: "/admin/mail", label: "adminArea.mail" },
];

export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav className="sub-nav" aria-label={t("adminArea.nav")} data-testid="admin-nav">
      <ul>
        {ADMIN_PAGES.map((p) => (
          <li key={p.to}>
            <NavLink to={p.to} end={p.end}>
              {t(p.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
