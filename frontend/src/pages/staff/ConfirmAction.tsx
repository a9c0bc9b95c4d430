// A button whose action needs a second, explicit "Confirm": the question appears in place (focus
// moves to it), and the outcome — the server's errors, or a failure — is shown beside it.
import { useEffect, useRef, useState } from "react";
import { FormStatus, type UserError } from "../../forms";
import type { MutationResult } from "../../api/hooks";
import { useI18n } from "../../i18n";

export function ConfirmAction<P>({
  label,
  question,
  run,
  className = "link-button",
  testId,
}: {
  label: string;
  question: string;
  /** Sends the action; a result without errors or failure closes the question. */
  run: () => Promise<MutationResult<P>>;
  className?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ errors: UserError[]; failure?: Error }>({ errors: [] });
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const confirm = async () => {
    setRunning(true);
    const result = await run();
    setRunning(false);
    setOutcome({ errors: result.errors, failure: result.failure });
    if (!result.failure && !result.errors.length) setAsking(false);
  };

  return (
    <div className="confirm-action" data-testid={testId}>
      {!asking ? (
        <button
          type="button"
          className={className}
          onClick={() => {
            setOutcome({ errors: [] });
            setAsking(true);
          }}
        >
          {label}
        </button>
      ) : (
        <div className="confirm-question panel">
          <p ref={questionRef} tabIndex={-1}>
            {question}
          </p>
          <div className="form-actions">
            <button type="button" className="button" disabled={running} onClick={() => void confirm()}>
              {running ? t("state.saving") : t("catalogue.confirm")}
            </button>
            <button type="button" className="button secondary" disabled={running} onClick={() => setAsking(false)}>
              {t("catalogue.cancel")}
            </button>
          </div>
        </div>
      )}
      <FormStatus form={outcome} onRetry={() => void confirm()} />
    </div>
  );
}
