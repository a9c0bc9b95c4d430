// The proposer's answer to a NEEDS_INFO request: the answer, and optionally a revised title/body.
// The agenda is routed again on the new text and returns to triage.
import { useState, type FormEvent } from "react";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import { AnswerInfoDocument } from "./agendaDocuments";

export function AnswerInfoForm({ agenda, onDone }: { agenda: { id: string; version: number; title: string; body: string; statusReason?: string | null }; onDone: () => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState("");
  const [revise, setRevise] = useState(false);
  const [title, setTitle] = useState(agenda.title);
  const [body, setBody] = useState(agenda.body);
  const form = useMutationForm(AnswerInfoDocument, (r) => r.answerInfoRequest);
  const id = `answer-${agenda.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await form.run({
      input: { id: agenda.id, expectedVersion: agenda.version, answer, ...(revise ? { title, body } : {}) },
    });
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
      <FormStatus form={form} />
      <Field id={`${id}-text`} label={t("answer.label")} error={form.fieldError("answer")}>
        {(control) => <textarea {...control} required value={answer} onChange={(e) => setAnswer(e.target.value)} />}
      </Field>
      <label>
        <input type="checkbox" checked={revise} onChange={(e) => setRevise(e.target.checked)} /> {t("answer.revise")}
      </label>
      {revise && (
        <>
          <Field id={`${id}-title`} label={t("propose.field.title")} error={form.fieldError("title")}>
            {(control) => <input {...control} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field id={`${id}-body`} label={t("propose.field.body")} error={form.fieldError("body")}>
            {(control) => <textarea {...control} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.running || !answer.trim()}>
          {form.running ? t("state.saving") : t("answer.submit")}
        </button>
      </div>
    </form>
  );
}
