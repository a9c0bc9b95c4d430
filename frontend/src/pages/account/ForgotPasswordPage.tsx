// "Forgot your password?": asks for the address and always answers the same, whether or not it has
// an account, so the page cannot be used to find out who is registered.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { RequestPasswordResetDocument } from "../../auth/accountDocuments";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string>();
  const form = useMutationForm(RequestPasswordResetDocument, (r) => r.requestPasswordReset);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSentTo(undefined);
    const result = await form.run({ email: email.trim() });
    if (result.payload?.ok) setSentTo(email.trim());
  };

  return (
    <section className="page">
      <h1>{t("forgot.title")}</h1>
      <p className="page-lead">{t("forgot.lead")}</p>
      <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
        <FormStatus form={form} onRetry={() => form.reset()} />
        <Field id="forgot-email" label={t("auth.email")} error={form.fieldError("email")}>
          {(control) => <input {...control} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.running}>
            {t("forgot.send")}
          </button>
          <Link to="/login">{t("nav.login")}</Link>
        </div>
        <div role="status" aria-live="polite">
          {sentTo && (
            <p className="success" data-testid="reset-requested">
              {t("forgot.sent", { email: sentTo })}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
