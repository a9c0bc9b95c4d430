// The decisions of the triage panel: accept, reject (reason required), ask for information (question
// required), merge into another agenda (picked from likely duplicates or a search), reroute (to a
// department or the Social Innovation Officer, reason required); and, once accepted, advancing to
// IN_PROGRESS and COMPLETED. Drafts live here, above the individual forms, so switching between
// decisions — or a version conflict — never loses what was typed.
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router-dom";
import type { UserError } from "../../api/client";
import { useDebounced, useMutation, useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import type { Me } from "../../auth/session";
import { ErrorState, FormErrors, Loading, useUserErrorText } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { Highlighted } from "../../components/Highlighted";
import { useI18n, type MessageKey } from "../../i18n";
import type { AgendaStatus, OwnerKind, TriageDecision } from "../../gql/graphql";
import { MERGE_TARGET_STATUSES, REROUTABLE_STATUSES, triageDecisionsFor } from "./changes";
import {
  AdvanceAgendaDocument,
  MergeSearchDocument,
  MergeSimilarDocument,
  RouteAgendaDocument,
  TriageAgendaDocument,
} from "./documents";
import { OwnerLabel } from "./parts";
import { deptName, seesAllQueues } from "./StaffGate";
import type { PanelAgenda, Submit, SubmitOutcome } from "./TriagePanel";

type Choice = TriageDecision | "REROUTE";
type MergeTarget = { id: string; title: string };

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

/** Server errors and a lost network, shown with a form; a failure offers to send again. */
function Outcome({ outcome, onRetry }: { outcome: SubmitOutcome | null; onRetry: () => void }) {
  if (!outcome || outcome.ok) return null;
  return (
    <>
      <FormErrors errors={outcome.errors} />
      {outcome.failure && <ErrorState error={outcome.failure} onRetry={onRetry} />}
    </>
  );
}

function fieldError(outcome: SubmitOutcome | null, field: string): UserError | undefined {
  return outcome?.errors.find((e) => e.field === field);
}

/** A required textarea with its own error line, wired with aria-describedby / aria-invalid. */
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
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="form-row">
      <label htmlFor={id}>
        {label} {required && <span className="hint">({t("form.required")})</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows ?? 4}
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function Decisions({ agenda, me, submit }: { agenda: PanelAgenda; me: Me; submit: Submit }) {
  const { t, tEnum } = useI18n();
  const errorText = useUserErrorText();
  const uid = useId();
  const decisions: Choice[] = agenda.viewerCanTriage ? triageDecisionsFor(agenda.status) : [];
  const mayReroute = REROUTABLE_STATUSES.includes(agenda.status) && (agenda.viewerCanTriage || seesAllQueues(me));
  const options: Choice[] = mayReroute ? [...decisions, "REROUTE"] : decisions;

  const [choice, setChoice] = useState<Choice | null>(null);
  const [note, setNote] = useState("");
  const [rejectReason, setRejectReason] = useState("");
  const [question, setQuestion] = useState("");
  const [mergeTarget, setMergeTarget] = useState<MergeTarget | null>(null);
  const [mergeReason, setMergeReason] = useState("");
  const [rerouteKind, setRerouteKind] = useState<OwnerKind>(agenda.owner?.kind === "INNOVATION_OFFICER" ? "DEPARTMENT" : "INNOVATION_OFFICER");
  const [rerouteDept, setRerouteDept] = useState("");
  const [rerouteReason, setRerouteReason] = useState("");
  const [local, setLocal] = useState<Record<string, MessageKey>>({});
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const triage = useMutation(TriageAgendaDocument, (r) => r.triageAgenda);
  const route = useMutation(RouteAgendaDocument, (r) => r.routeAgenda);

  const active = choice && options.includes(choice) ? choice : null;

  if (options.length === 0) {
    return <CannotDecide agenda={agenda} />;
  }

  const validate = (c: Choice): Record<string, MessageKey> => {
    const errors: Record<string, MessageKey> = {};
    if (c === "REJECT" && !rejectReason.trim()) errors.reason = "triage.error.rejectReason";
    if (c === "NEEDS_INFO" && !question.trim()) errors.reason = "triage.error.question";
    if (c === "MERGE" && !mergeTarget) errors.mergeIntoId = "triage.error.mergeTarget";
    if (c === "REROUTE") {
      if (rerouteKind === "DEPARTMENT" && !rerouteDept) errors.departmentCode = "triage.error.department";
      if (!rerouteReason.trim()) errors.reason = "triage.error.rerouteReason";
    }
    return errors;
  };

  const send = async () => {
    if (!active) return;
    const errors = validate(active);
    setLocal(errors);
    if (Object.keys(errors).length) {
      setOutcome(null);
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
            ownerKind: rerouteKind,
            departmentCode: rerouteKind === "DEPARTMENT" ? rerouteDept : null,
            reason: rerouteReason.trim(),
          },
        }),
      );
    } else {
      const reason =
        active === "REJECT" ? rejectReason : active === "NEEDS_INFO" ? question : active === "MERGE" ? mergeReason : note;
      result = await submit(active, (expectedVersion) =>
        triage.run({
          input: {
            id: agenda.id,
            expectedVersion,
            decision: active,
            reason: reason.trim() || null,
            mergeIntoId: active === "MERGE" ? mergeTarget?.id : null,
          },
        }),
      );
    }
    setBusy(false);
    setOutcome(result.conflict ? null : result);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const err = (field: string): string | undefined => {
    if (local[field]) return t(local[field]);
    const e = fieldError(outcome, field);
    return e ? errorText(e) : undefined;
  };
  const fid = (c: Choice, field: string) => `${uid}-${c}-${field}`;

  let form: ReactNode = null;
  if (active === "ACCEPT") {
    form = (
      <TextField id={fid("ACCEPT", "reason")} label={t("triage.field.acceptNote")} hint={t("triage.hint.acceptNote")} value={note} onChange={setNote} rows={3} />
    );
  } else if (active === "REJECT") {
    form = (
      <TextField
        id={fid("REJECT", "reason")}
        label={t("triage.field.rejectReason")}
        hint={t("triage.hint.visibleToProposer")}
        value={rejectReason}
        onChange={setRejectReason}
        required
        error={err("reason")}
        testId="reject-reason"
      />
    );
  } else if (active === "NEEDS_INFO") {
    form = (
      <TextField
        id={fid("NEEDS_INFO", "reason")}
        label={t("triage.field.question")}
        hint={t("triage.hint.question")}
        value={question}
        onChange={setQuestion}
        required
        error={err("reason")}
        testId="info-question"
      />
    );
  } else if (active === "MERGE") {
    form = (
      <>
        <MergePicker agenda={agenda} value={mergeTarget} onChange={setMergeTarget} error={err("mergeIntoId")} focusId={fid("MERGE", "mergeIntoId")} />
        <TextField id={fid("MERGE", "reason")} label={t("triage.field.mergeReason")} hint={t("triage.hint.visibleToProposer")} value={mergeReason} onChange={setMergeReason} rows={3} />
      </>
    );
  } else if (active === "REROUTE") {
    form = (
      <RerouteFields
        agenda={agenda}
        idPrefix={`${uid}-REROUTE`}
        kind={rerouteKind}
        onKind={setRerouteKind}
        dept={rerouteDept}
        onDept={setRerouteDept}
        reason={rerouteReason}
        onReason={setRerouteReason}
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
                setChoice(c);
                setLocal({});
                setOutcome(null);
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
          {form}
          <Outcome outcome={outcome} onRetry={() => void send()} />
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
        <div className="form-row">
          <label htmlFor={selectId}>
            {t("triage.field.department")} <span className="hint">({t("form.required")})</span>
          </label>
          {!lookups && <Loading />}
          <select
            id={selectId}
            value={dept}
            onChange={(e) => onDept(e.target.value)}
            aria-required="true"
            aria-invalid={deptError ? true : undefined}
            aria-describedby={deptError ? `${selectId}-err` : undefined}
            data-testid="reroute-department"
          >
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
          {deptError && (
            <p className="field-error" id={`${selectId}-err`} role="alert">
              {deptError}
            </p>
          )}
        </div>
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
      <fieldset aria-describedby={error ? `${focusId}-err` : undefined} data-testid="merge-picker">
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
      {error && (
        <p className="field-error" id={`${focusId}-err`} role="alert">
          {error}
        </p>
      )}
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
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const advance = useMutation(AdvanceAgendaDocument, (r) => r.advanceAgenda);

  const send = async () => {
    setBusy(true);
    const result = await submit(next, (expectedVersion) =>
      advance.run({ input: { id: agenda.id, expectedVersion, status: next, reason: note.trim() || null } }),
    );
    setBusy(false);
    setOutcome(result.conflict ? null : result);
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
      <Outcome outcome={outcome} onRetry={() => void send()} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid={`advance-${next}`}>
          {busy ? t("state.saving") : t(next === "IN_PROGRESS" ? "triage.advance.start" : "triage.advance.complete")}
        </button>
      </div>
    </form>
  );
}
