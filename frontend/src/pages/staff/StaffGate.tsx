// Who may open a staff screen: anonymous visitors get a login link that brings them back, signed-in
// users without a staff role a clear "forbidden", never a blank page or a raw API error.
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { useSession, type Me } from "../../auth/session";
import { ErrorState, Loading } from "../../components/States";
import { useI18n, type MessageKey } from "../../i18n";

export const TRIAGE_ROLES = ["STAFF", "OFFICER", "ADMIN"] as const;
export const ADMIN_ROLES = ["ADMIN"] as const;

/** Officers and admins may look at (and reroute) any queue; staff see their departments'. */
export function seesAllQueues(me: Me): boolean {
  return me.role === "OFFICER" || me.role === "ADMIN";
}

export function StaffGate({
  roles,
  title,
  children,
}: {
  roles: readonly string[];
  title: MessageKey;
  children: (me: Me) => ReactNode;
}) {
  const { t, tEnum } = useI18n();
  const { me, loading, error, refresh } = useSession();
  const location = useLocation();
  if (!me && error) return <ErrorState error={error} onRetry={refresh} />;
  if (!me && loading) return <Loading />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section className="page">
        <h1>{t(title)}</h1>
        <p className="notice" data-testid="login-required">
          {t("triage.gate.login")} <Link to={`/login?next=${next}`}>{t("nav.login")}</Link>
        </p>
      </section>
    );
  }
  if (!roles.includes(me.role)) {
    return (
      <section className="page">
        <h1>{t(title)}</h1>
        <p className="notice" role="alert" data-testid="forbidden">
          {t("triage.gate.forbidden", { role: tEnum("role", me.role) })}
        </p>
        <p>
          <Link to="/">{t("state.backHome")}</Link>
        </p>
      </section>
    );
  }
  return <>{children(me)}</>;
}

export function deptName(d: { name: string; nameEn: string } | null | undefined, locale: string): string {
  if (!d) return "";
  return locale === "ko" ? d.name : d.nameEn;
}
