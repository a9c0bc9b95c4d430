// The decisions of the triage panel: accept, reject (reason required), ask for information (question
// required), merge into another agenda (picked from likely duplicates or a search), reroute (to a
// department or the Social Innovation Officer, reason required); and, once accepted, advancing to
// IN_PROGRESS and COMPLETED. The drafts (decisionDrafts.ts) live above the individual forms, so
// switching between decisions — or a version conflict — never loses what was typed.
import { useId, useReducer, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { useDebounced, useMutation, useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { seesAllQueues } from "../../auth/roles";
import type { Me } from "../../auth/session";
import { ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { Highlighted } from "../../components/Highlighted";
import { Field, FieldError, FormStatus, errorId, useFormErrors } from "../../forms";
import { useI18n, type MessageKey } from "../../i18n";
import type { AgendaStatus, OwnerKind } from "../../gql/graphql";
import { MERGE_TARGET_STATUSES, REROUTABLE_STATUSES, triageDecisionsFor } from "./changes";
import {
  decisionReason,
  decisionReducer,
  initialDecisionState,
  validateDecision,
  type Choice,
  type Drafts,
  type MergeTarget,
} from "./decisionDrafts";
import { deptName } from "./deptName";
import {
  AdvanceAgendaDocument,
  MergeSearchDocument,
  MergeSimilarDocument,
  RouteAgendaDocument,
  TriageAgendaDocument,
} from "./documents";
import { OwnerLabel } from "./parts";
import { settleOutcome, type PanelAgenda, type Submit, type SubmitOutcome } from "./versionedSubmit";

const CHOICE_LABEL: Record<Choice, MessageKey> = {
  ACCEPT: "triage.choice.ACCEPT",
  REJECT: "triage.choice.REJECT",
  NEEDS_INFO: "triage.choice.NEEDS_INFO",
  MERGE: "triage.choice.MERGE",
  REROUTE: "triage.choice.REROUTE",
};
const CHOICE_HINT: Record<Choice, MessageKey> = {
  ACCEPT: "triage.choiceHint.ACCEPT",
  REJECT: "triage.choiceHint.REJECT",
  NEEDS_INFO: "triage.choiceHint.NEEDS_INFO",
  MERGE: "triage.choiceHint.MERGE",
  REROUTE: "triage.choiceHint.REROUTE",
};

/** A textarea field of a decision. */
function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  required,
  error,
  testId,
  rows,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  error?: string;
  testId?: string;
  rows?: number;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => <textarea {...control} rows={rows ?? 4} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function Decisions({ agenda, me, submit }: { agenda: PanelAgenda; me: Me; submit: Submit }) {
  const { t, tEnum } = useI18n();
  const uid = useId();
  const decisions: Choice[] = agenda.viewerCanTriage ? triageDecisionsFor(agenda.status) : [];
  const mayReroute = REROUTABLE_STATUSES.includes(agenda.status) && (agenda.viewerCanTriage || seesAllQueues(me.role));
  const options: Choice[] = mayReroute ? [...decisions, "REROUTE"] : decisions;

  const [{ choice, drafts, local }, dispatch] = useReducer(decisionReducer, agenda.owner?.kind, initialDecisionState);
  const edit = (patch: Partial<Drafts>) => dispatch({ type: "edit", patch });
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);

  const triage = useMutation(TriageAgendaDocument, (r) => r.triageAgenda);
  const route = useMutation(RouteAgendaDocument, (r) => r.routeAgenda);

  const active = choice && options.includes(choice) ? choice : null;

  if (options.length === 0) {
    return <CannotDecide agenda={agenda} />;
  }

  const send = async () => {
    if (!active) return;
    const errors = validateDecision(active, drafts);
    dispatch({ type: "refuse", errors });
    if (Object.keys(errors).length) {
      form.reset();
      window.setTimeout(() => document.getElementById(`${uid}-${active}-${Object.keys(errors)[0]}`)?.focus(), 0);
      return;
    }
    setBusy(true);
    let result: SubmitOutcome;
    if (active === "REROUTE") {
      result = await submit("REROUTE", (expectedVersion) =>
        route.run({
          input: {
            id: agenda.id,
            expectedVersion,
            ownerKind: drafts.rerouteKind,
            departmentCode: drafts.rerouteKind === "DEPARTMENT" ? drafts.rerouteDept : null,
            reason: drafts.rerouteReason.trim(),
          },
        }),
      );
    } else {
      result = await submit(active, (expectedVersion) =>
        triage.run({
          input: {
            id: agenda.id,
            expectedVersion,
            decision: active,
            reason: decisionReason(active, drafts),
            mergeIntoId: active === "MERGE" ? drafts.mergeTarget?.id : null,
          },
        }),
      );
    }
    setBusy(false);
    settleOutcome(form, result);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const err = (field: string): string | undefined => (local[field] ? t(local[field]) : form.fieldError(field));
  const fid = (c: Choice, field: string) => `${uid}-${c}-${field}`;

  let fields: ReactNode = null;
  if (active === "ACCEPT") {
    fields = (
      <TextField
        id={fid("ACCEPT", "reason")}
        label={t("triage.field.acceptNote")}
        hint={t("triage.hint.acceptNote")}
        value={drafts.note}
        onChange={(note) => edit({ note })}
        rows={3}
      />
    );
  } else if (active === "REJECT") {
    fields = (
      <TextField
        id={fid("REJECT", "reason")}
        label={t("triage.field.rejectReason")}
        hint={t("triage.hint.visibleToProposer")}
        value={drafts.rejectReason}
        onChange={(rejectReason) => edit({ rejectReason })}
        required
        error={err("reason")}
        testId="reject-reason"
      />
    );
  } else if (active === "NEEDS_INFO") {
    fields = (
      <TextField
        id={fid("NEEDS_INFO", "reason")}
        label={t("triage.field.question")}
        hint={t("triage.hint.question")}
        value={drafts.question}
        onChange={(question) => edit({ question })}
        required
        error={err("reason")}
        testId="info-question"
      />
    );
  } else if (active === "MERGE") {
    fields = (
      <>
        <MergePicker
          agenda={agenda}
          value={drafts.mergeTarget}
          onChange={(mergeTarget) => edit({ mergeTarget })}
          error={err("mergeIntoId")}
          focusId={fid("MERGE", "mergeIntoId")}
        />
        <TextField
          id={fid("MERGE", "reason")}
          label={t("triage.field.mergeReason")}
          hint={t("triage.hint.visibleToProposer")}
          value={drafts.mergeReason}
          onChange={(mergeReason) => edit({ mergeReason })}
          rows={3}
        />
      </>
    );
  } else if (active === "REROUTE") {
    fields = (
      <RerouteFields
        agenda={agenda}
        idPrefix={`${uid}-REROUTE`}
        kind={drafts.rerouteKind}
        onKind={(rerouteKind) => edit({ rerouteKind })}
        dept={drafts.rerouteDept}
        onDept={(rerouteDept) => edit({ rerouteDept })}
        reason={drafts.rerouteReason}
        onReason={(rerouteReason) => edit({ rerouteReason })}
        deptError={err("departmentCode")}
        reasonError={err("reason")}
      />
    );
  }

  return (
    <form className="form decision-form" onSubmit={onSubmit} noValidate aria-describedby={`${uid}-status`}>
      <p className="hint" id={`${uid}-status`}>
        {t("triage.panel.currentStatus", { status: tEnum("status", agenda.status) })}
      </p>
      {!agenda.viewerCanTriage && <p className="notice">{t("triage.panel.rerouteOnly")}</p>}
      <fieldset className="choices">
        <legend>{t("triage.panel.chooseDecision")}</legend>
        {options.map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name={`${uid}-choice`}
              value={c}
              checked={active === c}
              onChange={() => {
                dispatch({ type: "choose", choice: c });
                form.reset();
              }}
              data-testid={`decision-${c}`}
            />
            <span>
              <strong>{t(CHOICE_LABEL[c])}</strong>
              <span className="hint"> — {t(CHOICE_HINT[c])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice && !active && <p className="notice">{t("triage.panel.choiceGone")}</p>}
      {active && (
        <>
          {fields}
          <FormStatus form={form} onRetry={() => void send()} />
          <div className="form-actions">
            <button
              type="submit"
              className={active === "REJECT" ? "button danger" : "button"}
              disabled={busy}
              data-testid={`submit-${active}`}
            >
              {busy ? t("state.saving") : t(`triage.submit.${active}`)}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function CannotDecide({ agenda }: { agenda: PanelAgenda }) {
  const { t, tEnum } = useI18n();
  const final = ["REJECTED", "MERGED", "COMPLETED"].includes(agenda.status);
  if (final)
    return (
      <p className="notice" data-testid="final-status">
        {t("triage.panel.final", { status: tEnum("status", agenda.status) })}
      </p>
    );
  if (!agenda.viewerCanTriage)
    return (
      <p className="notice" data-testid="cannot-triage">
        {t("triage.panel.notOwner")} <OwnerLabel owner={agenda.owner} />
      </p>
    );
  return null;
}

function RerouteFields({
  agenda,
  idPrefix,
  kind,
  onKind,
  dept,
  onDept,
  reason,
  onReason,
  deptError,
  reasonError,
}: {
  agenda: PanelAgenda;
  idPrefix: string;
  kind: OwnerKind;
  onKind: (k: OwnerKind) => void;
  dept: string;
  onDept: (c: string) => void;
  reason: string;
  onReason: (r: string) => void;
  deptError?: string;
  reasonError?: string;
}) {
  const { t, locale } = useI18n();
  const lookups = useLookups();
  const currentDept = agenda.owner?.kind === "DEPARTMENT" ? agenda.owner.department?.code : undefined;
  const candidates = (agenda.routing?.candidates ?? []).filter((d) => d.code !== currentDept);
  const candidateCodes = new Set(candidates.map((d) => d.code));
  const others = (lookups?.departments ?? []).filter((d) => d.code !== currentDept && !candidateCodes.has(d.code));
  const officerOwns = agenda.owner?.kind === "INNOVATION_OFFICER";
  const selectId = `${idPrefix}-departmentCode`;
  return (
    <>
      <fieldset>
        <legend>{t("triage.field.rerouteTo")}</legend>
        <label className="choice">
          <input type="radio" name={`${idPrefix}-kind`} checked={kind === "DEPARTMENT"} onChange={() => onKind("DEPARTMENT")} data-testid="reroute-kind-department" />
          <span>{t("triage.reroute.toDepartment")}</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${idPrefix}-kind`}
            checked={kind === "INNOVATION_OFFICER"}
            disabled={officerOwns}
            onChange={() => onKind("INNOVATION_OFFICER")}
            data-testid="reroute-kind-officer"
          />
          <span>
            {t("triage.reroute.toOfficer")}
            {officerOwns && <span className="hint"> — {t("triage.reroute.alreadyOfficer")}</span>}
          </span>
        </label>
      </fieldset>
      {kind === "DEPARTMENT" && (
        <Field id={selectId} label={t("triage.field.department")} error={deptError} required>
          {(control) => (
            <>
              {!lookups && <Loading />}
              <select {...control} value={dept} onChange={(e) => onDept(e.target.value)} data-testid="reroute-department">
                <option value="">{t("triage.reroute.pick")}</option>
                {candidates.length > 0 && (
                  <optgroup label={t("triage.reroute.candidates")}>
                    {candidates.map((d) => (
                      <option key={d.code} value={d.code}>
                        {deptName(d, locale)}
                      </option>
                    ))}
                  </optgroup>
                )}
                <optgroup label={t("triage.reroute.allDepartments")}>
                  {others.map((d) => (
                    <option key={d.code} value={d.code}>
                      {deptName(d, locale)}
                    </option>
                  ))}
                </optgroup>
              </select>
            </>
          )}
        </Field>
      )}
      <TextField
        id={`${idPrefix}-reason`}
        label={t("triage.field.rerouteReason")}
        hint={t("triage.hint.rerouteReason")}
        value={reason}
        onChange={onReason}
        required
        error={reasonError}
        testId="reroute-reason"
        rows={3}
      />
    </>
  );
}

type Candidate = {
  id: string;
  title: string;
  status: AgendaStatus;
  supportCount: number;
  fieldLabel: { code: string; ko: string; en: string };
  owner?: { kind: OwnerKind; department?: { code: string; name: string; nameEn: string } | null } | null;
};

function MergePicker({
  agenda,
  value,
  onChange,
  error,
  focusId,
}: {
  agenda: PanelAgenda;
  value: MergeTarget | null;
  onChange: (v: MergeTarget) => void;
  error?: string;
  focusId: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const settled = useDebounced(query.trim(), 350);
  const similar = useQuery(MergeSimilarDocument, { title: agenda.title, body: agenda.body });
  const search = useQuery(
    MergeSearchDocument,
    { query: settled, filter: { statuses: MERGE_TARGET_STATUSES as AgendaStatus[] } },
    { skip: settled.length < 2 },
  );
  const usable = (a: Candidate) => a.id !== agenda.id && MERGE_TARGET_STATUSES.includes(a.status);
  const similarList = (similar.data?.similarAgendas ?? []).filter(usable);
  const similarIds = new Set(similarList.map((a) => a.id));
  const hits = (search.data?.search.hits ?? []).filter((h) => usable(h.agenda) && !similarIds.has(h.agenda.id));
  const searchId = `${focusId}-search`;

  return (
    <div className="merge-picker">
      <fieldset aria-describedby={error ? errorId(focusId) : undefined} data-testid="merge-picker">
        <legend id={focusId} tabIndex={-1}>
          {t("triage.merge.legend")} <span className="hint">({t("form.required")})</span>
        </legend>
        {value && (
          <p className="hint" data-testid="merge-selected">
            {t("triage.merge.selected", { title: value.title })}
          </p>
        )}
        <h3>{t("triage.merge.similar")}</h3>
        {similar.error ? (
          <ErrorState error={similar.error} onRetry={similar.refetch} />
        ) : !similar.data ? (
          <Loading />
        ) : similarList.length === 0 ? (
          <p className="hint">{t("triage.merge.noSimilar")}</p>
        ) : (
          <ul className="candidate-list" data-testid="merge-similar">
            {similarList.map((a) => (
              <CandidateOption key={a.id} agenda={a} name={focusId} checked={value?.id === a.id} onChange={onChange} />
            ))}
          </ul>
        )}
        <h3>
          <label htmlFor={searchId}>{t("triage.merge.search")}</label>
        </h3>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
          placeholder={t("triage.merge.searchPlaceholder")}
          data-testid="merge-search"
        />
        <div aria-live="polite">
          {settled.length >= 2 &&
            (search.error ? (
              <ErrorState error={search.error} onRetry={search.refetch} />
            ) : search.loading || !search.data ? (
              <Loading />
            ) : hits.length === 0 ? (
              <p className="hint">{t("triage.merge.noHits")}</p>
            ) : (
              <ul className="candidate-list" data-testid="merge-hits">
                {hits.map((h) => (
                  <CandidateOption key={h.agenda.id} agenda={h.agenda} titleHtml={h.highlights.title} name={focusId} checked={value?.id === h.agenda.id} onChange={onChange} />
                ))}
              </ul>
            ))}
        </div>
      </fieldset>
      <FieldError id={errorId(focusId)} error={error} />
    </div>
  );
}

function CandidateOption({
  agenda: a,
  titleHtml,
  name,
  checked,
  onChange,
}: {
  agenda: Candidate;
  titleHtml?: string;
  name: string;
  checked: boolean;
  onChange: (v: MergeTarget) => void;
}) {
  const { t, tEnum } = useI18n();
  const id = `${name}-${a.id}`;
  return (
    <li data-agenda-id={a.id} className={checked ? "selected" : undefined}>
      <input type="radio" id={id} name={`${name}-target`} checked={checked} onChange={() => onChange({ id: a.id, title: a.title })} />
      <label htmlFor={id}>
        {titleHtml ? <Highlighted html={titleHtml} /> : a.title}{" "}
        <span className="meta">
          <StatusBadge status={a.status} />
          <span>{tEnum("fieldName", a.fieldLabel.code)}</span>
          <span>
            <OwnerLabel owner={a.owner} />
          </span>
          <span>{t("common.supports", { count: a.supportCount })}</span>
        </span>
      </label>{" "}
      <Link to={`/agendas/${a.id}`} target="_blank" rel="noopener" className="hint">
        {t("triage.merge.open")}
        <span className="visually-hidden"> {a.title}</span>
      </Link>
    </li>
  );
}

export function AdvanceForm({ agenda, next, submit }: { agenda: PanelAgenda; next: "IN_PROGRESS" | "COMPLETED"; submit: Submit }) {
  const { t, tEnum } = useI18n();
  const uid = useId();
  const [note, setNote] = useState("");
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const advance = useMutation(AdvanceAgendaDocument, (r) => r.advanceAgenda);

  const send = async () => {
    setBusy(true);
    const result = await submit(next, (expectedVersion) =>
      advance.run({ input: { id: agenda.id, expectedVersion, status: next, reason: note.trim() || null } }),
    );
    setBusy(false);
    settleOutcome(form, result);
  };

  return (
    <form
      className="form advance-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      aria-labelledby={`${uid}-h`}
    >
      <h3 id={`${uid}-h`}>{t("triage.advance.title")}</h3>
      <p className="hint">
        {t("triage.advance.explain", { from: tEnum("status", agenda.status), to: tEnum("status", next) })}
      </p>
      <TextField id={`${uid}-note`} label={t("triage.advance.note")} value={note} onChange={setNote} rows={2} />
      <FormStatus form={form} onRetry={() => void send()} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid={`advance-${next}`}>
          {busy ? t("state.saving") : t(next === "IN_PROGRESS" ? "triage.advance.start" : "triage.advance.complete")}
        </button>
      </div>
    </form>
  );
}
