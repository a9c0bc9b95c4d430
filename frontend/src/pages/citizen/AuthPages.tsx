// Log in and register. After either, the user returns to where they were going (?next=), which
// is only ever a path inside this app.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useSession, type AuthErrors } from "../../auth/session";
import { ErrorState, FormErrors, useUserErrorText } from "../../components/States";
import { useI18n } from "../../i18n";

function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get("next") ?? "/";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<AuthErrors>([]);
  const [failure, setFailure] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await login(email, password);
      setErrors(result);
      setFailure(undefined);
      if (result.length === 0) navigate(next);
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <h1>{t("auth.loginTitle")}</h1>
      <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
        <FormErrors errors={errors} />
        {failure && <ErrorState error={failure} />}
        <div className="form-row">
          <label htmlFor="login-email">{t("auth.email")}</label>
          <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor="login-password">{t("auth.password")}</label>
          <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t("auth.loginButton")}
          </button>
          <Link to={`/register?next=${encodeURIComponent(next)}`}>{t("auth.noAccount")}</Link>
        </div>
      </form>
    </section>
  );
}

export function RegisterPage() {
  const { t } = useI18n();
  const { register } = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [errors, setErrors] = useState<AuthErrors>([]);
  const [failure, setFailure] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const errorText = useUserErrorText();
  const fieldError = (name: string) => errors.find((e) => e.field === name);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await register(email, password, displayName);
      setErrors(result);
      setFailure(undefined);
      if (result.length === 0) navigate(next);
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <h1>{t("auth.registerTitle")}</h1>
      <p className="page-lead">{t("auth.registerLead")}</p>
      <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
        <FormErrors errors={errors} />
        {failure && <ErrorState error={failure} />}
        <div className="form-row">
          <label htmlFor="reg-name">{t("auth.displayName")}</label>
          <input id="reg-name" type="text" autoComplete="nickname" required value={displayName} aria-invalid={!!fieldError("displayName")} onChange={(e) => setDisplayName(e.target.value)} />
          {fieldError("displayName") && <p className="field-error">{errorText(fieldError("displayName")!)}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="reg-email">{t("auth.email")}</label>
          <input id="reg-email" type="email" autoComplete="email" required value={email} aria-invalid={!!fieldError("email")} onChange={(e) => setEmail(e.target.value)} />
          {fieldError("email") && <p className="field-error">{errorText(fieldError("email")!)}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="reg-password">{t("auth.password")}</label>
          <p id="reg-password-hint" className="hint">{t("auth.passwordHint")}</p>
          <input id="reg-password" type="password" autoComplete="new-password" required value={password} aria-describedby="reg-password-hint" aria-invalid={!!fieldError("password")} onChange={(e) => setPassword(e.target.value)} />
          {fieldError("password") && <p className="field-error">{errorText(fieldError("password")!)}</p>}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t("auth.registerButton")}
          </button>
          <Link to={`/login?next=${encodeURIComponent(next)}`}>{t("auth.haveAccount")}</Link>
        </div>
      </form>
    </section>
  );
}
