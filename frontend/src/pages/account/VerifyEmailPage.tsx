// Where the verification mail's link lands (/verify-email?token=…): the page spends the token once,
// says whether the address is now confirmed, and when the link is expired or used offers a new mail
// to a signed-in reader (a stranger is asked to log in first, since the mail goes to the account).
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMutation } from "../../api/hooks";
import { VerifyEmailDocument } from "../../auth/accountDocuments";
import { useSession } from "../../auth/session";
import { VerificationBanner } from "../../auth/VerificationBanner";
import { ErrorState, Loading } from "../../components/States";
import { useI18n } from "../../i18n";

type Outcome = { kind: "done" } | { kind: "refused" } | { kind: "failed"; error: Error };

export function VerifyEmailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { me, refresh } = useSession();
  const verify = useMutation(VerifyEmailDocument, (r) => r.verifyEmail);
  const [outcome, setOutcome] = useState<Outcome>();
  const [attempt, setAttempt] = useState(0);
  // The token is single-use: send it once per attempt, even if the effect runs twice.
  const sent = useRef(-1);
  const { run } = verify;

  useEffect(() => {
    if (!token || sent.current === attempt) return;
    sent.current = attempt;
    void run({ token }).then((result) => {
      if (result.failure) setOutcome({ kind: "failed", error: result.failure });
      else if (result.errors.length) setOutcome({ kind: "refused" });
      else {
        setOutcome({ kind: "done" });
        refresh();
      }
    });
  }, [token, attempt, run, refresh]);

  return (
    <section className="page" data-testid="verify-email">
      <h1>{t("verify.title")}</h1>
      {!token ? (
        <p className="notice" role="alert">
          {t("verify.missing")}
        </p>
      ) : !outcome ? (
        <Loading />
      ) : outcome.kind === "failed" ? (
        <ErrorState error={outcome.error} onRetry={() => { setOutcome(undefined); setAttempt((n) => n + 1); }} />
      ) : outcome.kind === "done" ? (
        <>
          <p className="success" role="status" data-testid="verify-done">
            {t("verify.done")}
          </p>
          <p>
            <Link className="button" to="/propose">
              {t("verify.toPropose")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="notice" role="alert" data-testid="verify-refused">
            {t("verify.failed")}
          </p>
          {me?.emailVerified ? (
            <p data-testid="verify-already">{t("verify.already")}</p>
          ) : me ? (
            <VerificationBanner />
          ) : (
            <p>
              <Link to={`/login?next=${encodeURIComponent("/propose")}`}>{t("nav.login")}</Link> — {t("verify.loginToResend")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
