// /workshops: the quarterly execution workshops of a year and quarter (the current quarter in Seoul
// by default), and for facilitators a form to schedule one.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, FormErrors, Loading, useUserErrorText } from "../../components/States";
import { useI18n } from "../../i18n";
import { WorkshopCreateDocument, WorkshopListDocument } from "./documents";
import { cityDate, defaultWorkshopDate } from "./quarter";
import { QuarterPicker, RequireWorkshopAccess, WorkshopFacts, canRunWorkshops, useCountText, useQuarterLabel, useYearQuarter } from "./shared";

export function WorkshopsPage() {
  return (
    <RequireWorkshopAccess>
      <WorkshopsView />
    </RequireWorkshopAccess>
  );
}

function WorkshopsView() {
  const { t } = useI18n();
  const { me } = useSession();
  const { year, quarter, now, set } = useYearQuarter(true);
  const quarterLabel = useQuarterLabel();
  const countText = useCountText();
  const state = useQuery(WorkshopListDocument, { year, quarter });
  const [created, setCreated] = useState<{ id: string; title: string }>();
  const workshops = state.data?.workshops;

  return (
    <section className="page" aria-labelledby="workshops-h">
      <h1 id="workshops-h">{t("workshop.list.title")}</h1>
      <p className="page-lead">{t("workshop.list.lead")}</p>
      <QuarterPicker idPrefix="ws" year={year} quarter={quarter} now={now} onChange={set} allowWholeYear />
      <h2 id="workshops-of-h">{t("workshop.list.of", { period: quarterLabel(year, quarter) })}</h2>
      {created && (
        <p className="success" role="status">
          {t("workshop.create.done")} <Link to={`/workshops/${created.id}`}>{created.title}</Link>
        </p>
      )}
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.refetch} />
      ) : !workshops ? (
        <Loading />
      ) : workshops.length === 0 ? (
        <Empty>{t("workshop.list.empty")}</Empty>
      ) : (
        <>
          <p className="visually-hidden" aria-live="polite">
            {countText("workshop.list.count", workshops.length)}
          </p>
          <ol className="result-list" aria-labelledby="workshops-of-h" aria-busy={state.loading} data-testid="workshop-list">
            {workshops.map((w) => (
              <li key={w.id}>
                <article className="card" data-workshop-id={w.id}>
                  <h3>
                    <Link to={`/workshops/${w.id}`}>{w.title}</Link>
                  </h3>
                  <WorkshopFacts workshop={w}>
                    <dt>{t("workshop.participantCount")}</dt>
                    <dd>{countText("workshop.people", w.participants.length)}</dd>
                    <dt>{t("workshop.itemCount")}</dt>
                    <dd>{countText("workshop.items", w.items.length)}</dd>
                  </WorkshopFacts>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      {canRunWorkshops(me?.role) && (
        <CreateWorkshopForm
          key={`${year}-${quarter ?? now.quarter}`}
          year={year}
          quarter={quarter ?? now.quarter}
          onCreated={(w) => {
            setCreated(w);
            state.refetch();
          }}
        />
      )}
    </section>
  );
}

function CreateWorkshopForm({
  year,
  quarter,
  onCreated,
}: {
  year: number;
  quarter: number;
  onCreated: (w: { id: string; title: string }) => void;
}) {
  const { t } = useI18n();
  const errorText = useUserErrorText();
  const create = useMutation(WorkshopCreateDocument, (r) => r.createWorkshop);
  const [title, setTitle] = useState("");
  const [place, setPlace] = useState("");
  const [heldOn, setHeldOn] = useState(() => defaultWorkshopDate({ year, quarter }, cityDate()));
  const [errors, setErrors] = useState<{ field?: string | null; code: string; message: string }[]>([]);
  const [failure, setFailure] = useState<Error>();
  const fieldError = (name: string) => errors.find((e) => e.field === name);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // The workshop belongs to the quarter its date falls in.
    const [y, m] = heldOn.split("-").map(Number);
    const result = await create.run({
      input: { year: y || year, quarter: m ? Math.floor((m - 1) / 3) + 1 : quarter, title, heldOn, place },
    });
    setFailure(result.failure);
    setErrors(result.errors);
    if (result.payload?.workshop) {
      onCreated(result.payload.workshop);
      setTitle("");
      setPlace("");
    }
  };

  return (
    <section className="panel" aria-labelledby="create-ws-h">
      <h2 id="create-ws-h">{t("workshop.create.title")}</h2>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="create-workshop-form">
        <FormErrors errors={errors} />
        {failure && <ErrorState error={failure} />}
        <div className="form-row">
          <label htmlFor="ws-title">{t("workshop.create.name")}</label>
          <input id="ws-title" type="text" required maxLength={200} value={title} aria-invalid={!!fieldError("title")} onChange={(e) => setTitle(e.target.value)} />
          {fieldError("title") && <p className="field-error">{errorText(fieldError("title")!)}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="ws-date">{t("workshop.heldOn")}</label>
          <p className="hint" id="ws-date-hint">
            {t("workshop.create.dateHint")}
          </p>
          <input
            id="ws-date"
            type="date"
            required
            value={heldOn}
            aria-describedby="ws-date-hint"
            aria-invalid={!!fieldError("heldOn")}
            onChange={(e) => setHeldOn(e.target.value)}
          />
          {fieldError("heldOn") && <p className="field-error">{errorText(fieldError("heldOn")!)}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="ws-place">{t("workshop.place")}</label>
          <input id="ws-place" type="text" required maxLength={200} value={place} aria-invalid={!!fieldError("place")} onChange={(e) => setPlace(e.target.value)} />
          {fieldError("place") && <p className="field-error">{errorText(fieldError("place")!)}</p>}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.running}>
            {create.running ? t("state.saving") : t("workshop.create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
