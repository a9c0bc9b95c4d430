// The proposer's answer to a NEEDS_INFO request: the answer, and optionally a revised title/body.
// The agenda is routed again on the new text and returns to triage.
import { useState, type FormEvent } from "react";
import { useMutation } from "../../api/hooks";
import { ErrorState, FormErrors } from "../../components/States";
import { useI18n } from "../../i18n";
import type { UserError } from "../../api/client";
import { AnswerInfoDocument } from "./agendaDocuments";

export function AnswerInfoForm({ agenda, onDone }: { agenda: { id: string; version: number; title: string; body: string; statusReason?: string | null }; onDone: () => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState("");
  const [revise, setRevise] = useState(false);
  const [title, setTitle] = useState(agenda.title);
  const [body, setBody] = useState(agenda.body);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<Error>();
  const { run, running } = useMutation(AnswerInfoDocument, (r) => r.answerInfoRequest);
  const id = `answer-${agenda.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run({
      input: { id: agenda.id, expectedVersion: agenda.version, answer, ...(revise ? { title, body } : {}) },
    });
    setFailure(result.failure);
    setErrors(result.errors);
    if (!result.failure && result.errors.length === 0) onDone();
  };

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("answer.title")}</h2>
      {agenda.statusReason && (
        <p>
          <strong>{t("answer.question")}</strong> {agenda.statusReason}
        </p>
      )}
      <FormErrors errors={errors} />
      {failure && <ErrorState error={failure} />}
      <div className="form-row">
        <label htmlFor={`${id}-text`}>{t("answer.label")}</label>
        <textarea id={`${id}-text`} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </div>
      <label>
        <input type="checkbox" checked={revise} onChange={(e) => setRevise(e.target.checked)} /> {t("answer.revise")}
      </label>
      {revise && (
        <>
          <div className="form-row">
            <label htmlFor={`${id}-title`}>{t("propose.field.title")}</label>
            <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-body`}>{t("propose.field.body")}</label>
            <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={running || !answer.trim()}>
          {running ? t("state.saving") : t("answer.submit")}
        </button>
      </div>
    </form>
  );
}
