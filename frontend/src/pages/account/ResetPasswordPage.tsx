// Where the reset mail's link lands (/reset-password?token=…): the new password twice (the server
// judges its strength and says why it refuses one; the link stays usable then), and afterwards the
// news that every session was ended — including this browser's, so the app forgets who was here.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ResetPasswordDocument } from "../../auth/accountDocuments";
import { useSession } from "../../auth/session";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";

export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { refresh } = useSession();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState(false);
  const form = useMutationForm(ResetPasswordDocument, (r) => r.resetPassword);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) {
      form.reject([{ field: "newPasswordAgain", code: "PASSWORD_MISMATCH", message: t("reset.mismatch") }]);
      return;
    }
    const result = await form.run({ token, newPassword: password });
    if (result.payload?.ok) {
      setDone(true);
      refresh(); // this browser's session ended with all the others
    }
  };

  if (done)
    return (
      <section className="page">
        <h1>{t("reset.title")}</h1>
        <p className="success" role="status" data-testid="reset-done">
          {t("reset.done")}
        </p>
        <p>
          <Link className="button" to="/login">
            {t("nav.login")}
          </Link>
        </p>
      </section>
    );

  const invalidLink = form.errors.some((e) => e.code === "INVALID_TOKEN");
  return (
    <section className="page">
      <h1>{t("reset.title")}</h1>
      {!token ? (
        <p className="notice" role="alert">
          {t("reset.missing")} <Link to="/forgot-password">{t("reset.again.link")}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} style={{ maxWidth: "26rem" }}>
          <FormStatus form={form} onRetry={() => form.reset()} />
          {invalidLink && (
            <p>
              <Link to="/forgot-password">{t("reset.again.link")}</Link>
            </p>
          )}
          <Field id="reset-password" label={t("reset.new")} hint={t("auth.passwordHint")} error={form.fieldError("newPassword")}>
            {(control) => <input {...control} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <Field id="reset-password-again" label={t("reset.again")} error={form.fieldError("newPasswordAgain")}>
            {(control) => <input {...control} type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={form.running}>
              {t("reset.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
