// Log in and register. After either, the user returns to where they were going (?next=), which
// is only ever a path inside this app.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useSession } from "../../auth/session";
import { Field, FormStatus, useFormErrors } from "../../forms";
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
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const errors = await login(email, password);
      form.settle({ errors });
      if (errors.length === 0) navigate(next);
    } catch (err) {
      form.settle({ errors: [], failure: err as Error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <h1>{t("auth.loginTitle")}</h1>
      <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
        <FormStatus form={form} />
        <Field id="login-email" label={t("auth.email")} error={form.fieldError("email")}>
          {(control) => <input {...control} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="login-password" label={t("auth.password")} error={form.fieldError("password")}>
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
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
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const errors = await register(email, password, displayName);
      form.settle({ errors });
      if (errors.length === 0) navigate(next);
    } catch (err) {
      form.settle({ errors: [], failure: err as Error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <h1>{t("auth.registerTitle")}</h1>
      <p className="page-lead">{t("auth.registerLead")}</p>
      <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
        <FormStatus form={form} />
        <Field id="reg-name" label={t("auth.displayName")} error={form.fieldError("displayName")}>
          {(control) => <input {...control} type="text" autoComplete="nickname" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field id="reg-email" label={t("auth.email")} error={form.fieldError("email")}>
          {(control) => <input {...control} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="reg-password" label={t("auth.password")} hint={t("auth.passwordHint")} error={form.fieldError("password")}>
          {(control) => <input {...control} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
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
