// The reminder a signed-in reader with an unconfirmed address sees where it matters (the proposal
// form, an agenda's support button): proposing and supporting need a verified e-mail, so the page
// says so before the server refuses, and offers the verification mail again.
import { useState } from "react";
import { useMutation } from "../api/hooks";
import { useUserErrorText } from "../forms";
import { useI18n } from "../i18n";
import { RequestEmailVerificationDocument } from "./accountDocuments";
import { useSession } from "./session";

export function VerificationBanner() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const errorText = useUserErrorText();
  const resend = useMutation(RequestEmailVerificationDocument, (r) => r.requestEmailVerification);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  if (!me || me.emailVerified !== false) return null;

  const onResend = async () => {
    const result = await resend.run({});
    if (result.failure) return setOutcome({ ok: false, text: t("state.networkError") });
    const error = result.errors[0];
    if (error?.code === "ALREADY_VERIFIED") refresh();
    setOutcome(error ? { ok: false, text: errorText(error) } : { ok: true, text: t("banner.sent", { email: me.email ?? "" }) });
  };

  return (
    <div className="notice verification-banner" data-testid="verification-banner">
      <p>
        <strong>{t("banner.text")}</strong>{" "}
        <button type="button" className="link-button" onClick={onResend} disabled={resend.running}>
          {t("banner.resend")}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {outcome && (
          <p className={outcome.ok ? "" : "field-error"} data-testid="verification-resent" data-ok={outcome.ok}>
            {outcome.text}
          </p>
        )}
      </div>
    </div>
  );
}
