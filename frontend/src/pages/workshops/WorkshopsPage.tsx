// /workshops: the quarterly execution workshops of a year and quarter (the current quarter in Seoul
// by default), and for facilitators a form to schedule one.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import { WorkshopCreateDocument, WorkshopListDocument } from "./documents";
import { cityDate, defaultWorkshopDate } from "./quarter";
import { QuarterPicker, WorkshopFacts, useCountText, useQuarterLabel, useYearQuarter } from "./shared";
import { WORKSHOP_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { canRunWorkshops } from "../../auth/roles";

export function WorkshopsPage() {
  return (
    <RoleGate gate={WORKSHOP_GATE} title="workshop.access.title">{() => <WorkshopsView />}</RoleGate>
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
  const create = useMutationForm(WorkshopCreateDocument, (r) => r.createWorkshop);
  const [title, setTitle] = useState("");
  const [place, setPlace] = useState("");
  const [heldOn, setHeldOn] = useState(() => defaultWorkshopDate({ year, quarter }, cityDate()));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // The workshop belongs to the quarter its date falls in.
    const [y, m] = heldOn.split("-").map(Number);
    const result = await create.run({
      input: { year: y || year, quarter: m ? Math.floor((m - 1) / 3) + 1 : quarter, title, heldOn, place },
    });
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
        <FormStatus form={create} />
        <Field id="ws-title" label={t("workshop.create.name")} error={create.fieldError("title")}>
          {(control) => <input {...control} type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="ws-date" label={t("workshop.heldOn")} hint={t("workshop.create.dateHint")} error={create.fieldError("heldOn")}>
          {(control) => <input {...control} type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
        </Field>
        <Field id="ws-place" label={t("workshop.place")} error={create.fieldError("place")}>
          {(control) => <input {...control} type="text" required maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.running}>
            {create.running ? t("state.saving") : t("workshop.create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
