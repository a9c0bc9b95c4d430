// Log in and register. After logging in, the user returns to where they were going (?next=), which
// is only ever a path inside this app; after registering they first read that a verification mail
// left, because proposing and supporting wait for the confirmed address.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useSession } from "../../auth/session";
import { VerificationBanner } from "../../auth/VerificationBanner";
import { ConsentField } from "../account/ConsentField";
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
        <p>
          <Link to="/forgot-password">{t("forgot.link")}</Link>
        </p>
      </form>
    </section>
  );
}

export function RegisterPage() {
  const { t } = useI18n();
  const { register } = useSession();
  const next = useNext();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [privacyConsent, setPrivacyConsent] = useState(false);
  const [registered, setRegistered] = useState<string>();
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!privacyConsent) {
      form.reject([{ field: "privacyConsent", code: "CONSENT_REQUIRED", message: t("consent.required") }]);
      return;
    }
    setBusy(true);
    try {
      const errors = await register({ email, password, displayName, privacyConsent });
      form.settle({ errors });
      if (errors.length === 0) setRegistered(email);
    } catch (err) {
      form.settle({ errors: [], failure: err as Error });
    } finally {
      setBusy(false);
    }
  };

  if (registered) return <VerificationSent email={registered} next={next} />;

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
        <ConsentField checked={privacyConsent} onChange={setPrivacyConsent} error={form.fieldError("privacyConsent")} />
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

/** After registering: the mail is on its way, and what to do with it. */
function VerificationSent({ email, next }: { email: string; next: string }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="verification-sent">
      <h1>{t("registered.title")}</h1>
      <p className="success" role="status">
        {t("registered.sentTo", { email })}
      </p>
      <p>{t("registered.next")}</p>
      <p className="hint">{t("registered.noMail")}</p>
      <VerificationBanner />
      <p>
        <Link className="button" to={next}>
          {t("registered.continue")}
        </Link>
      </p>
    </section>
  );
}
