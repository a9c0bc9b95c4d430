// The triage inbox: what waits for a decision in a department's queue (or the Social Innovation
// Officer's), in the server's order, with how long each agenda has waited and its answer deadline
// (days left, overdue marked); and, on a second view, the department's accepted and running
// agendas (to advance them and keep their execution plans); and on a third, the overdue ones — for the
// officer and admins every department's at once, with each one's owner and how many working days late.
// On a phone the lists are cards (title, status, field, wait, deadline), not a squeezed table.
// The chosen queue and view live in the URL (?queue=TRANSPORT&view=execution), so back/forward
// and shared links keep them.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useLookups } from "../../api/lookups";
import { useQuery } from "../../api/hooks";
import type { Me } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { DueDateCell } from "../../components/DueDate";
import { MorePager } from "../../forms";
import { useI18n } from "../../i18n";
import type { AgendaFilterInput, AgendaStatus } from "../../gql/graphql";
import { QueueCountsDocument } from "./documents";
import { TRIAGE_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { seesAllQueues } from "../../auth/roles";
import { deptName } from "./deptName";
import { OwnerLabel } from "./parts";
import { useAgendaPages, type ListSource, type QueueAgenda } from "./useAgendaPages";
import { PHONE, useMedia } from "../../components/useMedia";
import { DataTable } from "../../components/DataTable";

const OFFICER = "OFFICER";
type View = "triage" | "execution" | "overdue";
const EXECUTION_STATUSES: AgendaStatus[] = ["ACCEPTED", "IN_PROGRESS"];
/** An agenda waiting longer than this is flagged in the list. */
const LONG_WAIT_DAYS = 30;

export function TriageInboxPage() {
  return <RoleGate gate={TRIAGE_GATE} title="triage.inbox.title">{(me) => <Inbox me={me} />}</RoleGate>;
}

function Inbox({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const lookups = useLookups();
  const [params, setParams] = useSearchParams();
  const all = seesAllQueues(me.role);
  const ownCodes = me.departments.map((d) => d.code);
  // Default: staff see their first department, officers and admins the officer's queue.
  const fallback = all ? OFFICER : (ownCodes[0] ?? "");
  let queue = (params.get("queue") ?? fallback).toUpperCase();
  if (!all && !ownCodes.includes(queue)) queue = fallback;
  const asked = params.get("view");
  const view: View = asked === "execution" || asked === "overdue" ? asked : "triage";
  // The officer's overdue view spans every department: the queue picker does not apply to it.
  const everyDepartment = all && view === "overdue";
  // One retry reloads the counts and the list together (a lost network fails both).
  const [tick, setTick] = useState(0);
  const retry = () => setTick((n) => n + 1);

  const choose = (next: { queue?: string; view?: View }) => {
    const p = new URLSearchParams(params);
    if (next.queue !== undefined) p.set("queue", next.queue);
    if (next.view !== undefined) p.set("view", next.view);
    setParams(p, { replace: false });
  };

  const queueName = (code: string) => {
    if (code === OFFICER) return t("common.officer");
    const d =
      me.departments.find((x) => x.code === code) ?? lookups?.departments.find((x) => x.code === code);
    return d ? deptName(d, locale) : code;
  };

  // Tabs: the viewer's own queues; officers and admins may also pick any department below.
  const tabs = all ? [OFFICER, ...ownCodes] : ownCodes;

  if (!all && ownCodes.length === 0) {
    return (
      <section className="page">
        <h1>{t("triage.inbox.title")}</h1>
        <p className="notice" data-testid="no-departments">
          {t("triage.inbox.noDepartments")}
        </p>
      </section>
    );
  }

  return (
    <section className="page staff-inbox">
      <h1>{t("triage.inbox.title")}</h1>
      <p className="page-lead">{all ? t("triage.inbox.leadOfficer") : t("triage.inbox.leadStaff")}</p>

      <div className="queue-picker">
        {tabs.length > 1 && (
          <div className="segmented" role="group" aria-label={t("triage.inbox.queues")}>
            {tabs.map((code) => (
              <button
                key={code}
                type="button"
                aria-pressed={queue === code}
                className={queue === code ? "active" : ""}
                data-queue={code}
                onClick={() => choose({ queue: code })}
              >
                {queueName(code)}
              </button>
            ))}
          </div>
        )}
        {all && (
          <div className="form-row queue-select">
            <label htmlFor="queue-any">{t("triage.inbox.anyDepartment")}</label>
            <select id="queue-any" value={queue} onChange={(e) => choose({ queue: e.target.value })}>
              <option value={OFFICER}>{t("common.officer")}</option>
              {(lookups?.departments ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {deptName(d, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <h2 id="queue-h">
        {everyDepartment ? t("triage.overdue.allDepartments") : t("triage.inbox.queueOf", { name: queueName(queue) })}
      </h2>
      {!everyDepartment && <QueueCounts key={`${queue}:${tick}`} queue={queue} />}

      <div className="segmented" role="group" aria-label={t("triage.inbox.views")}>
        <button type="button" aria-pressed={view === "triage"} className={view === "triage" ? "active" : ""} onClick={() => choose({ view: "triage" })} data-testid="view-triage">
          {t("triage.inbox.viewTriage")}
        </button>
        <button type="button" aria-pressed={view === "execution"} className={view === "execution" ? "active" : ""} onClick={() => choose({ view: "execution" })} data-testid="view-execution">
          {t("triage.inbox.viewExecution")}
        </button>
        <button type="button" aria-pressed={view === "overdue"} className={view === "overdue" ? "active" : ""} onClick={() => choose({ view: "overdue" })} data-testid="view-overdue">
          {t("triage.inbox.viewOverdue")}
        </button>
      </div>

      {view === "overdue" ? (
        <OverdueList
          key={`${everyDepartment ? "all" : queue}:${tick}`}
          source={{ kind: "queue", departmentCode: everyDepartment || queue === OFFICER ? null : queue, overdueOnly: true, allDepartments: everyDepartment }}
          onRetry={retry}
          caption={everyDepartment ? t("triage.overdue.allDepartments") : t("triage.overdue.captionOf", { name: queueName(queue) })}
        />
      ) : (
        <QueueList key={`${queue}:${view}:${tick}`} source={sourceFor(queue, view)} view={view} onRetry={retry} caption={t(view === "triage" ? "triage.inbox.captionTriage" : "triage.inbox.captionExecution", { name: queueName(queue) })} />
      )}
    </section>
  );
}

function ownerFilter(queue: string): AgendaFilterInput {
  return queue === OFFICER
    ? { ownerKind: "INNOVATION_OFFICER" }
    : { ownerKind: "DEPARTMENT", departmentCodes: [queue] };
}

function sourceFor(queue: string, view: Exclude<View, "overdue">): ListSource {
  if (view === "execution") return { kind: "filter", filter: { ...ownerFilter(queue), statuses: EXECUTION_STATUSES } };
  // triageQueue answers every queue the inbox offers: the officer's, the viewer's departments, and
  // (officers, admins) any department's.
  return { kind: "queue", departmentCode: queue === OFFICER ? null : queue };
}

function QueueCounts({ queue }: { queue: string }) {
  const { t, number } = useI18n();
  const vars = useMemo(() => {
    const base = ownerFilter(queue);
    return {
      inTriage: { ...base, statuses: ["IN_TRIAGE"] as AgendaStatus[] },
      needsInfo: { ...base, statuses: ["NEEDS_INFO"] as AgendaStatus[] },
      execution: { ...base, statuses: EXECUTION_STATUSES },
    };
  }, [queue]);
  const state = useQuery(QueueCountsDocument, vars);
  // The list below shows the failure with its retry (which reloads these too); here a quiet note.
  if (state.error)
    return (
      <p className="hint" data-testid="queue-counts-failed">
        {t("triage.inbox.countsFailed")}{" "}
        <button type="button" className="link-button" onClick={state.refetch}>
          {t("triage.inbox.countsRetry")}
        </button>
      </p>
    );
  if (!state.data) return <Loading label={t("triage.inbox.countsLoading")} />;
  const c = state.data;
  const waiting = c.inTriage.totalCount + c.needsInfo.totalCount;
  return (
    <dl className="stat-row" data-testid="queue-counts" aria-live="polite">
      <div className="stat" data-testid="count-total">
        <dt>{t("triage.inbox.countWaiting")}</dt>
        <dd>{number(waiting)}</dd>
      </div>
      <div className="stat" data-testid="count-in-triage">
        <dt>{t("status.IN_TRIAGE")}</dt>
        <dd>{number(c.inTriage.totalCount)}</dd>
      </div>
      <div className="stat" data-testid="count-needs-info">
        <dt>{t("status.NEEDS_INFO")}</dt>
        <dd>{number(c.needsInfo.totalCount)}</dd>
      </div>
      <div className="stat" data-testid="count-execution">
        <dt>{t("triage.inbox.countExecution")}</dt>
        <dd>{number(c.execution.totalCount)}</dd>
      </div>
    </dl>
  );
}

function daysSince(iso: string): number {
  return Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
}

function QueueList({ source, view, caption, onRetry }: { source: ListSource; view: Exclude<View, "overdue">; caption: string; onRetry: () => void }) {
  const { t, number } = useI18n();
  const phone = useMedia(PHONE);
  const list = useAgendaPages(source);
  if (list.error) return <ErrorState error={list.error} onRetry={onRetry} />;
  if (!list.loaded) return <Loading />;
  if (list.rows.length === 0)
    return <Empty>{view === "triage" ? t("triage.inbox.empty") : t("triage.inbox.emptyExecution")}</Empty>;
  return (
    <>
      <p aria-live="polite" data-testid="queue-total">
        {t("triage.inbox.showing", { shown: number(list.rows.length), total: number(list.totalCount) })}
      </p>
      {phone ? (
        <ul className="queue-cards" data-testid="queue-cards" aria-label={caption}>
          {list.rows.map((a) => (
            <QueueCard key={a.id} agenda={a} flagWait={view === "triage"} />
          ))}
        </ul>
      ) : (
      <DataTable testId="queue" className="queue-table" caption={caption} captionHidden
        columns={[t("triage.col.title"), t("triage.col.status"), t("triage.col.field"), t("triage.col.proposer"),
          t("triage.col.received"), t("triage.col.inStatus"), t("triage.col.due"), { label: t("triage.col.supports"), className: "num" }]}>
        {list.rows.map((a) => (
          <QueueRow key={a.id} agenda={a} flagWait={view === "triage"} />
        ))}
      </DataTable>
      )}
      <MorePager list={list} testId="queue-more" label="triage.inbox.more" />
    </>
  );
}

/** Only an agenda still waiting for a decision is "waiting long"; an accepted one is being worked on. */
function isLongWait(a: QueueAgenda, flagWait: boolean): boolean {
  return flagWait && !EXECUTION_STATUSES.includes(a.status) && daysSince(a.createdAt) >= LONG_WAIT_DAYS;
}

/** One agenda of the queue as a card, for phones: the same facts as a table row, stacked. */
function QueueCard({ agenda: a, flagWait }: { agenda: QueueAgenda; flagWait: boolean }) {
  const { t, tEnum, label, relative, dateTime, number } = useI18n();
  const long = isLongWait(a, flagWait);
  return (
    <li className={["card", "queue-card", a.overdue && "overdue-row"].filter(Boolean).join(" ")} data-agenda-id={a.id} data-status={a.status} data-overdue={a.overdue ? "true" : undefined}>
      <h3>
        <Link to={`/triage/agendas/${a.id}`}>{a.title}</Link>
      </h3>
      <p className="meta">
        <StatusBadge status={a.status} />
        <span className="tag" title={label(a.fieldLabel)}>
          {tEnum("fieldName", a.fieldLabel.code)}
        </span>
        {a.districtLabel && <span>{label(a.districtLabel)}</span>}
      </p>
      <dl className="dl queue-card-facts">
        <dt>{t("triage.col.proposer")}</dt>
        <dd>{a.proposer?.displayName ?? tEnum("channel", a.channel)}</dd>
        <dt>{t("triage.col.received")}</dt>
        <dd>
          <time dateTime={a.createdAt} title={dateTime(a.createdAt)}>
            {relative(a.createdAt)}
          </time>
          {long && <span className="badge long-wait-badge"> {t("triage.inbox.longWait")}</span>}
        </dd>
        <dt>{t("triage.col.due")}</dt>
        <dd data-testid="due">
          <DueDateCell agenda={a} />
        </dd>
        <dt>{t("triage.col.supports")}</dt>
        <dd>{number(a.supportCount)}</dd>
      </dl>
    </li>
  );
}

function QueueRow({ agenda: a, flagWait }: { agenda: QueueAgenda; flagWait: boolean }) {
  const { t, tEnum, label, relative, dateTime, number } = useI18n();
  const long = isLongWait(a, flagWait);
  return (
    <tr data-agenda-id={a.id} data-status={a.status} data-overdue={a.overdue ? "true" : undefined} className={[long && "long-wait", a.overdue && "overdue-row"].filter(Boolean).join(" ") || undefined}>
      <td>
        <Link to={`/triage/agendas/${a.id}`}>{a.title}</Link>
        {a.districtLabel && <span className="hint"> · {label(a.districtLabel)}</span>}
      </td>
      <td>
        <StatusBadge status={a.status} />
      </td>
      <td>
        <span className="tag" title={label(a.fieldLabel)}>
          {tEnum("fieldName", a.fieldLabel.code)}
        </span>
      </td>
      <td>{a.proposer?.displayName ?? tEnum("channel", a.channel)}</td>
      <td>
        <time dateTime={a.createdAt} title={dateTime(a.createdAt)}>
          {relative(a.createdAt)}
        </time>
        {long && <span className="badge long-wait-badge"> {t("triage.inbox.longWait")}</span>}
      </td>
      <td>
        <time dateTime={a.statusChangedAt} title={dateTime(a.statusChangedAt)}>
          {relative(a.statusChangedAt)}
        </time>
      </td>
      <td data-testid="due">
        <DueDateCell agenda={a} />
      </td>
      <td className="num">{number(a.supportCount)}</td>
    </tr>
  );
}

/** The overdue agendas: whose they are, when they were due and how many working days late, most
 * overdue first as the server orders them. */
function OverdueList({ source, caption, onRetry }: { source: ListSource; caption: string; onRetry: () => void }) {
  const { t, number } = useI18n();
  const list = useAgendaPages(source);
  if (list.error) return <ErrorState error={list.error} onRetry={onRetry} />;
  if (!list.loaded) return <Loading />;
  if (list.rows.length === 0) return <Empty>{t("triage.overdue.empty")}</Empty>;
  return (
    <>
      <p aria-live="polite" data-testid="overdue-total">
        <strong>{t("triage.overdue.count", { count: number(list.totalCount) })}</strong>
        {list.hasNext && <> · {t("triage.inbox.showing", { shown: number(list.rows.length), total: number(list.totalCount) })}</>}
      </p>
      <div className="table-scroll">
        <table className="queue-table" data-testid="overdue-queue">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("triage.col.title")}</th>
              <th scope="col">{t("triage.col.owner")}</th>
              <th scope="col">{t("triage.col.status")}</th>
              <th scope="col">{t("triage.col.wasDue")}</th>
              <th scope="col" className="num">{t("triage.col.daysLate")}</th>
              <th scope="col" className="num">{t("triage.col.supports")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((a) => (
              <OverdueRow key={a.id} agenda={a} />
            ))}
          </tbody>
        </table>
      </div>
      <MorePager list={list} testId="queue-more" label="triage.inbox.more" />
    </>
  );
}

function OverdueRow({ agenda: a }: { agenda: QueueAgenda }) {
  const { t, date, dateTime, number } = useI18n();
  return (
    <tr data-agenda-id={a.id} data-status={a.status} data-overdue="true" className="overdue-row">
      <td>
        <Link to={`/triage/agendas/${a.id}`}>{a.title}</Link>
        {a.officialAnswerRequired && <span className="badge"> {t("triage.overdue.answerOwed")}</span>}
      </td>
      <td data-testid="owner">
        <OwnerLabel owner={a.owner} />
      </td>
      <td>
        <StatusBadge status={a.status} />
      </td>
      <td data-testid="due">
        {a.answerDueAt ? (
          <time dateTime={a.answerDueAt} title={dateTime(a.answerDueAt)}>
            {date(a.answerDueAt)}
          </time>
        ) : (
          <span className="hint">—</span>
        )}
      </td>
      <td className="num" data-testid="days-late">
        {t("triage.overdue.daysLate", { days: number(a.answerWorkingDaysOverdue) })}
      </td>
      <td className="num">{number(a.supportCount)}</td>
    </tr>
  );
}
