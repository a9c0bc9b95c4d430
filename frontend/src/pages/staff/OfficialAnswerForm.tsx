// The official answer an agenda is owed once enough verified citizens support it: the owner's staff
// (the officer for officer-owned agendas, or an admin) publish it here, or correct the one shown.
// Sent against the version on screen like every decision of the panel (versionedSubmit.ts).
import { useId, useState } from "react";
import { useMutation } from "../../api/hooks";
import { Field, FormStatus, useFormErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { AnswerOfficiallyDocument } from "./documents";
import { settleOutcome, type PanelAgenda, type Submit } from "./versionedSubmit";

export const ANSWER_MIN = 20;
export const ANSWER_MAX = 5_000;

/** Characters as a reader counts them (and the server does): an emoji or a Hangul syllable is one. */
export const characters = (text: string) => [...text].length;

export function OfficialAnswerForm({ agenda, submit }: { agenda: PanelAgenda; submit: Submit }) {
  const { t } = useI18n();
  const uid = useId();
  const [body, setBody] = useState(agenda.officialAnswer?.body ?? "");
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const answer = useMutation(AnswerOfficiallyDocument, (r) => r.answerOfficially);
  const correcting = !!agenda.officialAnswer;
  const length = characters(body.trim());

  const send = async () => {
    if (length < ANSWER_MIN || length > ANSWER_MAX) {
      form.reject([{ field: "body", code: length < ANSWER_MIN ? "TOO_SHORT" : "TOO_LONG", message: t(length < ANSWER_MIN ? "officialAnswer.tooShort" : "officialAnswer.tooLong") }]);
      document.getElementById(`${uid}-body`)?.focus();
      return;
    }
    setBusy(true);
    const result = await submit("ANSWER", (expectedVersion) =>
      answer.run({ input: { id: agenda.id, expectedVersion, body: body.trim() } }),
    );
    setBusy(false);
    settleOutcome(form, result);
  };

  return (
    <form
      className="form official-answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      noValidate
      aria-labelledby={`${uid}-h`}
      data-testid="official-answer-form"
    >
      <h2 id={`${uid}-h`}>{t("officialAnswer.title")}</h2>
      <p className="hint">{t(correcting ? "officialAnswer.leadCorrect" : "officialAnswer.lead")}</p>
      <Field
        id={`${uid}-body`}
        label={t("officialAnswer.field")}
        hint={t("officialAnswer.hint")}
        error={form.fieldError("body")}
        required
        after={
          <p className={length > ANSWER_MAX ? "hint field-error" : "hint"} aria-live="polite" data-testid="answer-counter">
            {t("officialAnswer.counter", { count: length })}
          </p>
        }
      >
        {(control) => <textarea {...control} rows={8} value={body} onChange={(e) => setBody(e.target.value)} data-testid="official-answer-body-input" />}
      </Field>
      <FormStatus form={form} onRetry={() => void send()} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="publish-official-answer">
          {busy ? t("state.saving") : t(correcting ? "officialAnswer.submitCorrect" : "officialAnswer.submit")}
        </button>
      </div>
    </form>
  );
}
