// /cases/new: city staff publish a case — a completed agenda of the programme, or a domestic or
// international case — to the public library.
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { CASE_PUBLISHER_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { Field, FormStatus, useMutationForm } from "../../forms";
import type { CaseOrigin, PolicyField } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AgendaPicker, type PickedAgenda } from "../workshops/AgendaPicker";
import { FIELDS, ORIGINS } from "./CasesPage";
import { CasePublishDocument } from "./documents";

export function PublishCasePage() {
  return <RoleGate gate={CASE_PUBLISHER_GATE} title="cases.publish.title">{() => <PublishForm />}</RoleGate>;
}

function PublishForm() {
  const { t, tEnum } = useI18n();
  const navigate = useNavigate();
  const publish = useMutationForm(CasePublishDocument, (r) => r.publishCase);
  const [origin, setOrigin] = useState<CaseOrigin>("DOMESTIC");
  const [agenda, setAgenda] = useState<PickedAgenda | null>(null);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [outcome, setOutcome] = useState("");
  const [lessons, setLessons] = useState("");
  const [field, setField] = useState<PolicyField | "">("");
  const [place, setPlace] = useState("");
  const programme = origin === "PROGRAMME";

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await publish.run({
      input: {
        origin,
        title,
        summary,
        outcome,
        lessons,
        place,
        field: field || null,
        agendaId: programme ? (agenda?.id ?? null) : null,
      },
    });
    if (result.payload?.case) navigate(`/cases?published=${result.payload.case.id}`);
  };

  return (
    <section className="page" aria-labelledby="publish-h">
      <p className="meta">
        <Link to="/cases">
          <span aria-hidden="true">← </span>
          {t("cases.backToLibrary")}
        </Link>
      </p>
      <h1 id="publish-h">{t("cases.publish.title")}</h1>
      <p className="page-lead">{t("cases.publish.lead")}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="publish-case-form">
        <FormStatus form={publish} />
        <fieldset>
          <legend>{t("cases.publish.origin")}</legend>
          {ORIGINS.map((o) => (
            <label key={o} className="inline-choice">
              <input type="radio" name="case-origin" value={o} checked={origin === o} onChange={() => setOrigin(o)} /> {tEnum("cases.origin", o)}
            </label>
          ))}
          <p className="hint">{t(programme ? "cases.publish.programmeHint" : "cases.publish.externalHint")}</p>
        </fieldset>
        {programme && (
          <AgendaPicker
            legend={t("cases.publish.agenda")}
            value={agenda}
            onChange={setAgenda}
            filter={{ statuses: ["COMPLETED"] }}
            error={publish.fieldError("agendaId")}
          />
        )}
        <Field id="case-title" label={t("cases.publish.caseTitle")} error={publish.fieldError("title")}>
          {(control) => <input {...control} type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="case-summary" label={t("cases.publish.summary")} hint={t("cases.publish.summaryHint")} error={publish.fieldError("summary")}>
          {(control) => <textarea {...control} required value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field id="case-outcome" label={t("cases.outcome")} error={publish.fieldError("outcome")}>
          {(control) => <textarea {...control} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
        </Field>
        <Field id="case-lessons" label={t("cases.lessons")} error={publish.fieldError("lessons")}>
          {(control) => <textarea {...control} value={lessons} onChange={(e) => setLessons(e.target.value)} />}
        </Field>
        <Field
          id="case-field"
          label={t("cases.publish.field")}
          hint={programme ? t("cases.publish.fieldHint") : undefined}
          error={publish.fieldError("field")}
        >
          {(control) => (
            <select {...control} value={field} onChange={(e) => setField(e.target.value as PolicyField | "")}>
              <option value="">{programme ? t("cases.publish.fieldFromAgenda") : t("cases.publish.chooseField")}</option>
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {tEnum("fieldName", f)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="case-place" label={t("cases.publish.place")} error={publish.fieldError("place")}>
          {(control) => <input {...control} type="text" maxLength={120} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={publish.running}>
            {publish.running ? t("state.saving") : t("cases.publish.submit")}
          </button>
          <Link to="/cases">{t("form.cancel")}</Link>
        </div>
      </form>
    </section>
  );
}
