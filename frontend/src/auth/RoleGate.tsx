// Who may open a screen: anonymous visitors get a log-in link that brings them back, signed-in users
// without one of the roles a clear "not for your role" with somewhere to go; never a blank page or a
// raw API error. The screen itself receives the signed-in user.
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { ErrorState, Loading } from "../components/States";
import { useI18n, type MessageKey } from "../i18n";
import type { Gate } from "./gates";
import { hasRole } from "./roles";
import { useSession, type Me } from "./session";

export function RoleGate({ gate, title, children }: { gate: Gate; title: MessageKey; children: (me: Me) => ReactNode }) {
  const { t, tEnum } = useI18n();
  const { me, loading, error, refresh } = useSession();
  const location = useLocation();
  const { roles, login, forbidden, elsewhere } = gate;
  if (!me && error) return <ErrorState error={error} onRetry={refresh} />;
  if (!me && loading) return <Loading />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section className="page" data-testid="login-required">
        <h1>{t(title)}</h1>
        <p className="notice">{t(login)}</p>
        <p>
          <Link className="button" to={`/login?next=${next}`}>
            {t("nav.login")}
          </Link>
          {elsewhere && (
            <>
              {" "}
              <Link to={elsewhere.to}>{t(elsewhere.label)}</Link>
            </>
          )}
        </p>
      </section>
    );
  }
  if (!hasRole(roles, me.role)) {
    return (
      <section className="page" data-testid="forbidden">
        <h1>{t(title)}</h1>
        <p className="notice" role="alert">
          {t(forbidden, { role: tEnum("role", me.role) })}
        </p>
        <p>
          {elsewhere && (
            <>
              <Link to={elsewhere.to}>{t(elsewhere.label)}</Link> ·{" "}
            </>
          )}
          <Link to="/">{t("state.backHome")}</Link>
        </p>
      </section>
    );
  }
  return <>{children(me)}</>;
}
