// /cases/new: city staff publish a case — a completed agenda of the programme, or a domestic or
// international case — to the public library.
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useMutation } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { ErrorState, FormErrors, Loading, useUserErrorText } from "../../components/States";
import type { CaseOrigin, PolicyField } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AgendaPicker, type PickedAgenda } from "../workshops/AgendaPicker";
import { canPublishCases } from "../workshops/shared";
import { FIELDS, ORIGINS } from "./CasesPage";
import { CasePublishDocument } from "./documents";

export function PublishCasePage() {
  const { t } = useI18n();
  const { me, loading, error, refresh } = useSession();
  if (!me && error) return <ErrorState error={error} onRetry={refresh} />;
  if (!me && loading) return <Loading />;
  if (!me || !canPublishCases(me.role)) {
    return (
      <section className="page" data-testid={me ? "forbidden" : "login-required"}>
        <h1>{t("cases.publish.title")}</h1>
        <p className="notice">{me ? t("cases.publish.forbidden") : t("cases.publish.login")}</p>
        <p>
          {!me && (
            <>
              <Link className="button" to={`/login?next=${encodeURIComponent("/cases/new")}`}>
                {t("nav.login")}
              </Link>{" "}
            </>
          )}
          <Link to="/cases">{t("cases.backToLibrary")}</Link>
        </p>
      </section>
    );
  }
  return <PublishForm />;
}

type Errors = { field?: string | null; code: string; message: string }[];

function PublishForm() {
  const { t, tEnum } = useI18n();
  const navigate = useNavigate();
  const errorText = useUserErrorText();
  const publish = useMutation(CasePublishDocument, (r) => r.publishCase);
  const [origin, setOrigin] = useState<CaseOrigin>("DOMESTIC");
  const [agenda, setAgenda] = useState<PickedAgenda | null>(null);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [outcome, setOutcome] = useState("");
  const [lessons, setLessons] = useState("");
  const [field, setField] = useState<PolicyField | "">("");
  const [place, setPlace] = useState("");
  const [errors, setErrors] = useState<Errors>([]);
  const [failure, setFailure] = useState<Error>();
  const fieldError = (name: string) => {
    const e = errors.find((x) => x.field === name);
    return e ? errorText(e) : undefined;
  };
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
    setErrors(result.errors);
    setFailure(result.failure);
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
        <FormErrors errors={errors} />
        {failure && <ErrorState error={failure} />}
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
            error={fieldError("agendaId")}
          />
        )}
        <div className="form-row">
          <label htmlFor="case-title">{t("cases.publish.caseTitle")}</label>
          <input id="case-title" type="text" required maxLength={200} value={title} aria-invalid={!!fieldError("title")} onChange={(e) => setTitle(e.target.value)} />
          {fieldError("title") && <p className="field-error">{fieldError("title")}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="case-summary">{t("cases.publish.summary")}</label>
          <p className="hint" id="case-summary-hint">
            {t("cases.publish.summaryHint")}
          </p>
          <textarea id="case-summary" required value={summary} aria-describedby="case-summary-hint" aria-invalid={!!fieldError("summary")} onChange={(e) => setSummary(e.target.value)} />
          {fieldError("summary") && <p className="field-error">{fieldError("summary")}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="case-outcome">{t("cases.outcome")}</label>
          <textarea id="case-outcome" value={outcome} aria-invalid={!!fieldError("outcome")} onChange={(e) => setOutcome(e.target.value)} />
          {fieldError("outcome") && <p className="field-error">{fieldError("outcome")}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="case-lessons">{t("cases.lessons")}</label>
          <textarea id="case-lessons" value={lessons} aria-invalid={!!fieldError("lessons")} onChange={(e) => setLessons(e.target.value)} />
          {fieldError("lessons") && <p className="field-error">{fieldError("lessons")}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="case-field">{t("cases.publish.field")}</label>
          {programme && (
            <p className="hint" id="case-field-hint">
              {t("cases.publish.fieldHint")}
            </p>
          )}
          <select
            id="case-field"
            value={field}
            aria-describedby={programme ? "case-field-hint" : undefined}
            aria-invalid={!!fieldError("field")}
            onChange={(e) => setField(e.target.value as PolicyField | "")}
          >
            <option value="">{programme ? t("cases.publish.fieldFromAgenda") : t("cases.publish.chooseField")}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {tEnum("fieldName", f)}
              </option>
            ))}
          </select>
          {fieldError("field") && <p className="field-error">{fieldError("field")}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="case-place">{t("cases.publish.place")}</label>
          <input id="case-place" type="text" maxLength={120} value={place} aria-invalid={!!fieldError("place")} onChange={(e) => setPlace(e.target.value)} />
          {fieldError("place") && <p className="field-error">{fieldError("place")}</p>}
        </div>
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
