// The staff's internal notes on an agenda, in the triage panel: for the owning department's staff,
// the Social Innovation Officer and admins. Never shown (or fetched with content) anywhere public;
// for anyone else the API answers an empty list and this panel stays away.
import { useId, useState } from "react";
import { useQuery } from "../../api/hooks";
import { Async } from "../../components/States";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import { AddInternalNoteDocument, InternalNotesDocument } from "./documents";

export const NOTE_MAX = 5_000;

export function InternalNotesPanel({ agendaId }: { agendaId: string }) {
  const { t, dateTime } = useI18n();
  const uid = useId();
  const state = useQuery(InternalNotesDocument, { id: agendaId });
  const [body, setBody] = useState("");
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(AddInternalNoteDocument, (r) => r.addInternalNote);
  const send = async () => {
    setSaved(false);
    const result = await form.run({ input: { agendaId, body } });
    if (result.payload?.note) {
      setBody("");
      setSaved(true);
      state.refetch();
    }
  };
  if (state.data && !state.data.agenda?.viewerCanReadInternalNotes) return null;
  return (
    <section className="panel internal-notes" aria-labelledby={`${uid}-h`} data-testid="internal-notes">
      <h2 id={`${uid}-h`}>{t("notes.title")}</h2>
      <p className="hint">{t("notes.lead")}</p>
      <Async state={state}>
        {(data) =>
          data.agenda && data.agenda.internalNotes.length > 0 ? (
            <ul className="note-list">
              {data.agenda.internalNotes.map((n) => (
                <li key={n.id}>
                  <p className="comment-meta">
                    <strong>{n.author?.displayName}</strong>{" "}
                    <time className="when" dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
                  </p>
                  <p className="body-text">{n.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="state state-empty">{t("notes.empty")}</p>
          )
        }
      </Async>
      <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <Field id={`${uid}-body`} label={t("notes.field")} error={form.fieldError("body")} required mark="hidden">
          {(control) => <textarea {...control} rows={3} maxLength={NOTE_MAX} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <FormStatus form={form} onRetry={() => void send()} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.running}>{t("notes.submit")}</button>
        </div>
        <div role="status" aria-live="polite">{saved && <p className="hint">{t("notes.saved")}</p>}</div>
      </form>
    </section>
  );
}
