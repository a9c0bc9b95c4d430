// /workshops/:id: one execution workshop — who took part (by affiliation type), what was discussed
// (items by purpose, each with its agenda, notes, decision, progress snapshot and action items), and
// for facilitators the forms to record it all and tick action items done.
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { useLookups } from "../../api/lookups";
import { Empty, ErrorState, Loading } from "../../components/States";
import { Field, FormStatus, useMutationForm, useUserErrorText } from "../../forms";
import { StatusBadge } from "../../components/StatusBadge";
import type { AffiliationType, PolicyField, WorkshopDetailQuery, WorkshopItemPurpose } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { AgendaPicker, type PickedAgenda } from "./AgendaPicker";
import {
  WorkshopAddActionItemDocument,
  WorkshopAddItemDocument,
  WorkshopAddParticipantDocument,
  WorkshopDetailDocument,
  WorkshopSetActionDoneDocument,
} from "./documents";
import { cityDate, isOverdue } from "./quarter";
import { WorkshopFacts, useCountText, useQuarterLabel } from "./shared";
import { WORKSHOP_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { canRunWorkshops } from "../../auth/roles";
import { DataTable } from "../../components/DataTable";

type Workshop = NonNullable<WorkshopDetailQuery["workshop"]>;
type Item = Workshop["items"][number];
type ActionItem = Item["actionItems"][number];

export const AFFILIATIONS: AffiliationType[] = ["OFFICIAL", "EXPERT", "CIVIC_GROUP"];
export const PURPOSES: WorkshopItemPurpose[] = ["DISCOVERY", "PLAN_REVIEW", "PROGRESS_CHECK", "OUTCOME_SHARING"];
const FIELDS: PolicyField[] = ["DISTRIBUTION", "LIVING_CULTURE_SPACE", "JOBS", "HOUSING_SAFETY", "PARTICIPATION_PUBLIC_SERVICE"];

export function WorkshopPage() {
  return (
    <RoleGate gate={WORKSHOP_GATE} title="workshop.access.title">{() => <WorkshopLoader />}</RoleGate>
  );
}

function WorkshopLoader() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const state = useQuery(WorkshopDetailDocument, { id });
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!state.data) return <Loading />;
  if (!state.data.workshop)
    return (
      <section className="page">
        <h1>{t("workshop.notFound")}</h1>
        <Link to="/workshops">{t("workshop.backToList")}</Link>
      </section>
    );
  return <WorkshopView workshop={state.data.workshop} refetch={state.refetch} />;
}

function WorkshopView({ workshop: w, refetch }: { workshop: Workshop; refetch: () => void }) {
  const { t, tEnum, number } = useI18n();
  const { me } = useSession();
  const quarterLabel = useQuarterLabel();
  const countText = useCountText();
  const runs = canRunWorkshops(me?.role);

  return (
    <article className="page" data-testid="workshop-page">
      <p className="meta">
        <Link to={`/workshops?year=${w.year}&quarter=${w.quarter}`}>
          <span aria-hidden="true">← </span>
          {t("workshop.backToQuarter", { period: quarterLabel(w.year, w.quarter) })}
        </Link>
      </p>
      <h1>{w.title}</h1>
      <WorkshopFacts workshop={w} />
      <p>
        <a className="button secondary" href={`/workshops/${w.id}/progress.csv`} download data-testid="progress-csv">
          {t("workshop.csv")}
        </a>{" "}
        <span className="hint">{t("workshop.csvHint")}</span>
      </p>

      <section aria-labelledby="participants-h" data-testid="participants">
        <h2 id="participants-h">
          {t("workshop.participants")} <span className="count-note">({countText("workshop.people", w.participants.length)})</span>
        </h2>
        {w.participants.length === 0 ? (
          <Empty>{t("workshop.noParticipants")}</Empty>
        ) : (
          <div className="affiliation-groups">
            {AFFILIATIONS.map((type) => {
              const people = w.participants.filter((p) => p.affiliationType === type);
              return (
                <section key={type} aria-labelledby={`aff-${type}`} className="affiliation-group" data-affiliation={type}>
                  <h3 id={`aff-${type}`}>
                    {tEnum("affiliation", type)} <span className="count-note">({number(people.length)})</span>
                  </h3>
                  {people.length === 0 ? (
                    <p className="hint">{t("common.none")}</p>
                  ) : (
                    <ul>
                      {people.map((p) => (
                        <li key={p.id}>
                          <strong>{p.name}</strong> · {p.affiliation}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
        {runs && <AddParticipantForm workshopId={w.id} onDone={refetch} />}
      </section>

      <section aria-labelledby="items-h" data-testid="items">
        <h2 id="items-h">
          {t("workshop.itemsTitle")} <span className="count-note">({countText("workshop.items", w.items.length)})</span>
        </h2>
        {w.items.length === 0 && <Empty>{t("workshop.noItems")}</Empty>}
        {PURPOSES.map((purpose) => {
          const items = w.items.filter((i) => i.purpose === purpose);
          if (items.length === 0) return null;
          return (
            <section key={purpose} aria-labelledby={`purpose-${purpose}`} data-purpose={purpose}>
              <h3 id={`purpose-${purpose}`}>
                {tEnum("purpose", purpose)} <span className="count-note">({number(items.length)})</span>
              </h3>
              <p className="hint">{t(`purpose.${purpose}.hint` as MessageKey)}</p>
              <ul className="result-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <ItemCard item={item} runs={runs} onChanged={refetch} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {runs && <AddItemForm workshopId={w.id} onDone={refetch} />}
      </section>
    </article>
  );
}

function ItemCard({ item, runs, onChanged }: { item: Item; runs: boolean; onChanged: () => void }) {
  const { t, tEnum, number } = useI18n();
  const headingId = `item-${item.id}-h`;
  return (
    <article className="card workshop-item" aria-labelledby={headingId} data-item-id={item.id}>
      <h4 id={headingId}>
        {item.agenda ? <Link to={`/agendas/${item.agenda.id}`}>{item.agenda.title}</Link> : t("workshop.item.noAgenda")}
      </h4>
      {item.agenda && (
        <p className="meta">
          <span>{t("workshop.item.nowStatus")}</span> <StatusBadge status={item.agenda.status} />
          <span className="tag">{tEnum("fieldName", item.agenda.field)}</span>
          {item.agenda.plan && <span>{t("workshop.item.nowProgress", { pct: number(item.agenda.plan.progress) })}</span>}
        </p>
      )}
      <dl className="dl">
        {item.notes && (
          <>
            <dt>{t("workshop.item.notes")}</dt>
            <dd className="body-text">{item.notes}</dd>
          </>
        )}
        {item.decision && (
          <>
            <dt>{t("workshop.item.decision")}</dt>
            <dd className="body-text">{item.decision}</dd>
          </>
        )}
        {(item.snapshotStatus || item.snapshotProgress !== null) && (
          <>
            <dt>{t("workshop.item.snapshot")}</dt>
            <dd data-testid="snapshot">
              {item.snapshotStatus && <StatusBadge status={item.snapshotStatus} />}{" "}
              {item.snapshotProgress !== null && item.snapshotProgress !== undefined && (
                <span className="snapshot-progress">
                  <span>{t("workshop.item.progressValue", { pct: number(item.snapshotProgress) })}</span>
                  <span
                    className="progress"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={item.snapshotProgress}
                    aria-label={t("workshop.item.snapshot")}
                  >
                    <span style={{ width: `${item.snapshotProgress}%` }} />
                  </span>
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <ActionItems item={item} runs={runs} />
      {runs && <AddActionForm itemId={item.id} onDone={onChanged} />}
    </article>
  );
}

function ActionItems({ item, runs }: { item: Item; runs: boolean }) {
  const { t } = useI18n();
  if (item.actionItems.length === 0) return <p className="hint">{t("workshop.action.none")}</p>;
  return (
    <DataTable testId="action-items" className="action-items" caption={t("workshop.action.caption")} captionHidden scroll={false}
      columns={[t("workshop.action.title"), t("workshop.action.owner"), t("workshop.action.due"), t("workshop.action.done")]}>
      {item.actionItems.map((a) => (
        <ActionRow key={a.id} action={a} runs={runs} />
      ))}
    </DataTable>
  );
}

function ActionRow({ action, runs }: { action: ActionItem; runs: boolean }) {
  const { t, date } = useI18n();
  const errorText = useUserErrorText();
  const [done, setDone] = useState(action.done);
  const [problem, setProblem] = useState<string>();
  const setDoneMutation = useMutation(WorkshopSetActionDoneDocument, (r) => r.setActionItemDone);
  const overdue = isOverdue(action.dueDate, done, cityDate());

  const toggle = async (next: boolean) => {
    setDone(next); // optimistic; put back if the server says no
    setProblem(undefined);
    const result = await setDoneMutation.run({ id: action.id, done: next });
    if (result.payload?.actionItem) {
      setDone(result.payload.actionItem.done);
    } else {
      setDone(!next);
      setProblem(result.failure ? t("state.networkError") : result.errors[0] ? errorText(result.errors[0]) : t("state.networkError"));
    }
  };

  const checkboxId = `action-${action.id}-done`;
  return (
    <tr data-action-id={action.id} data-done={done}>
      <td>
        {runs ? <label htmlFor={checkboxId}>{action.title}</label> : action.title}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </td>
      <td>{action.owner}</td>
      <td>
        <time dateTime={action.dueDate}>{date(action.dueDate)}</time>
        {overdue && <span className="badge overdue">{t("workshop.action.overdue")}</span>}
      </td>
      <td>
        {runs ? (
          <span className="done-toggle">
            <input
              id={checkboxId}
              type="checkbox"
              checked={done}
              disabled={setDoneMutation.running}
              onChange={(e) => toggle(e.target.checked)}
              aria-describedby={`${checkboxId}-state`}
            />
            <span id={`${checkboxId}-state`}>{done ? t("workshop.action.isDone") : t("workshop.action.notDone")}</span>
          </span>
        ) : done ? (
          <span className="badge status-completed">{t("workshop.action.isDone")}</span>
        ) : (
          <span>{t("workshop.action.notDone")}</span>
        )}
      </td>
    </tr>
  );
}

function AddParticipantForm({ workshopId, onDone }: { workshopId: string; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const add = useMutationForm(WorkshopAddParticipantDocument, (r) => r.addWorkshopParticipant);
  const [name, setName] = useState("");
  const [affiliation, setAffiliation] = useState("");
  const [type, setType] = useState<AffiliationType>("OFFICIAL");
  const [added, setAdded] = useState<string>();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await add.run({ input: { workshopId, name, affiliation, affiliationType: type } });
    if (result.payload?.participant) {
      setAdded(result.payload.participant.name);
      setName("");
      setAffiliation("");
      onDone();
    }
  };

  return (
    <details className="panel add-form">
      <summary>{t("workshop.participant.add")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="add-participant-form">
        {added && (
          <p className="success" role="status">
            {t("workshop.participant.added", { name: added })}
          </p>
        )}
        <FormStatus form={add} />
        <Field id={`p-name-${workshopId}`} label={t("workshop.participant.name")} error={add.fieldError("name")}>
          {(control) => <input {...control} type="text" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id={`p-aff-${workshopId}`} label={t("workshop.participant.affiliation")} error={add.fieldError("affiliation")}>
          {(control) => <input {...control} type="text" required maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
        </Field>
        <Field id={`p-type-${workshopId}`} label={t("workshop.participant.type")} error={add.fieldError("affiliationType")}>
          {(control) => (
            <select {...control} value={type} onChange={(e) => setType(e.target.value as AffiliationType)}>
              {AFFILIATIONS.map((a) => (
                <option key={a} value={a}>
                  {tEnum("affiliation", a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.running}>
            {add.running ? t("state.saving") : t("workshop.participant.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddItemForm({ workshopId, onDone }: { workshopId: string; onDone: () => void }) {
  const { t, tEnum, label } = useI18n();
  const lookups = useLookups();
  const add = useMutationForm(WorkshopAddItemDocument, (r) => r.addWorkshopItem);
  const [purpose, setPurpose] = useState<WorkshopItemPurpose>("PROGRESS_CHECK");
  const [discoverNew, setDiscoverNew] = useState(true);
  const [agenda, setAgenda] = useState<PickedAgenda | null>(null);
  const [newTitle, setNewTitle] = useState("");
  const [newBody, setNewBody] = useState("");
  const [newField, setNewField] = useState<PolicyField>("JOBS");
  const [notes, setNotes] = useState("");
  const [decision, setDecision] = useState("");
  const [added, setAdded] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const isNew = purpose === "DISCOVERY" && discoverNew;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const result = await add.run({
      input: {
        workshopId,
        purpose,
        agendaId: isNew ? null : (agenda?.id ?? null),
        newAgenda: isNew ? { title: newTitle, body: newBody, field: newField } : null,
        notes,
        decision,
      },
    });
    if (result.payload?.item) {
      setAdded(true);
      setAgenda(null);
      setPickerKey((k) => k + 1); // a fresh search for the next item
      setNewTitle("");
      setNewBody("");
      setNotes("");
      setDecision("");
      onDone();
    }
  };

  const fid = `item-${workshopId}`;
  return (
    <details className="panel add-form">
      <summary>{t("workshop.item.add")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="add-item-form">
        {added && (
          <p className="success" role="status">
            {t("workshop.item.added")}
          </p>
        )}
        <FormStatus form={add} />
        <Field id={`${fid}-purpose`} label={t("workshop.item.purpose")} hint={t(`purpose.${purpose}.hint` as MessageKey)} error={add.fieldError("purpose")}>
          {(control) => (
            <select {...control} value={purpose} onChange={(e) => setPurpose(e.target.value as WorkshopItemPurpose)}>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {tEnum("purpose", p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {purpose === "DISCOVERY" && (
          <fieldset>
            <legend>{t("workshop.item.discoveryKind")}</legend>
            <label className="inline-choice">
              <input type="radio" name={`${fid}-new`} checked={discoverNew} onChange={() => setDiscoverNew(true)} /> {t("workshop.item.discoverNew")}
            </label>
            <label className="inline-choice">
              <input type="radio" name={`${fid}-new`} checked={!discoverNew} onChange={() => setDiscoverNew(false)} /> {t("workshop.item.discoverExisting")}
            </label>
          </fieldset>
        )}
        {isNew ? (
          <fieldset>
            <legend>{t("workshop.item.newAgenda")}</legend>
            <p className="hint">{t("workshop.item.newAgendaHint")}</p>
            <Field id={`${fid}-ntitle`} label={t("workshop.item.newTitle")} error={add.fieldError("title")}>
              {(control) => <input {...control} type="text" required maxLength={200} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />}
            </Field>
            <Field id={`${fid}-nbody`} label={t("workshop.item.newBody")} error={add.fieldError("body")}>
              {(control) => <textarea {...control} required value={newBody} onChange={(e) => setNewBody(e.target.value)} />}
            </Field>
            <Field id={`${fid}-nfield`} label={t("workshop.item.newField")} error={add.fieldError("field")}>
              {(control) => (
                <select {...control} value={newField} onChange={(e) => setNewField(e.target.value as PolicyField)}>
                  {FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {label(lookups?.policyFields.find((l) => l.code === f)) || tEnum("fieldName", f)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        ) : (
          <AgendaPicker key={pickerKey} legend={t("workshop.item.agenda")} value={agenda} onChange={setAgenda} error={add.fieldError("agendaId")} />
        )}
        <Field id={`${fid}-notes`} label={t("workshop.item.notes")} error={add.fieldError("notes")}>
          {(control) => <textarea {...control} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <Field id={`${fid}-decision`} label={t("workshop.item.decision")} error={add.fieldError("decision")}>
          {(control) => <textarea {...control} value={decision} onChange={(e) => setDecision(e.target.value)} />}
        </Field>
        {purpose === "PROGRESS_CHECK" && <p className="hint">{t("workshop.item.snapshotHint")}</p>}
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.running}>
            {add.running ? t("state.saving") : t("workshop.item.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddActionForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useI18n();
  const add = useMutationForm(WorkshopAddActionItemDocument, (r) => r.addActionItem);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!dueDate) {
      add.reject([{ field: "dueDate", code: "REQUIRED", message: t("workshop.action.dueRequired") }]);
      return;
    }
    const result = await add.run({ input: { itemId, title, owner, dueDate } });
    if (result.payload?.actionItem) {
      setTitle("");
      setOwner("");
      setDueDate("");
      onDone();
    }
  };

  const fid = `action-new-${itemId}`;
  return (
    <details className="add-form">
      <summary>{t("workshop.action.add")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="add-action-form">
        <FormStatus form={add} />
        <Field id={`${fid}-title`} label={t("workshop.action.title")} error={add.fieldError("title")}>
          {(control) => <input {...control} type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id={`${fid}-owner`} label={t("workshop.action.owner")} error={add.fieldError("owner")}>
          {(control) => <input {...control} type="text" required maxLength={120} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
        <Field id={`${fid}-due`} label={t("workshop.action.due")} error={add.fieldError("dueDate")}>
          {(control) => <input {...control} type="date" required value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.running}>
            {add.running ? t("state.saving") : t("workshop.action.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
