// The triage panel for one agenda: everything an official needs to decide (the text, who proposed
// it, why it was routed here, its history) and the decisions open in its status. Every change sends
// the version the official saw (see versionedSubmit.ts for what happens when it lost a race).
import { Link, useParams } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { TRIAGE_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import type { Me } from "../../auth/session";
import { ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { useI18n } from "../../i18n";
import { AgendaDetailDocument } from "../citizen/agendaDocuments";
import { ConflictBox } from "./ConflictBox";
import { nextExecutionStatus, PLANNABLE_STATUSES } from "./changes";
import { AdvanceForm, Decisions } from "./DecisionForms";
import { HistoryList, OwnerLabel } from "./parts";
import { PlanEditor } from "./PlanEditor";
import { AttachmentList } from "../../attachments/AttachmentList";
import { PlanFiles } from "../../attachments/PlanFiles";
import { OfficialAnswerForm } from "./OfficialAnswerForm";
import { OfficialAnswerOwed, OfficialAnswerView } from "../../components/OfficialAnswer";
import { PlanView } from "../../components/PlanView";
import { deptName } from "./deptName";
import { useVersionedSubmit, type PanelAgenda } from "./versionedSubmit";
import { InternalNotesPanel } from "../participation/InternalNotesPanel";

export function TriagePanelPage() {
  return <RoleGate gate={TRIAGE_GATE} title="triage.panel.title">{(me) => <PanelLoader me={me} />}</RoleGate>;
}

function PanelLoader({ me }: { me: Me }) {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const state = useQuery(AgendaDetailDocument, { id });
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!state.data) return <Loading />;
  if (!state.data.agenda)
    return (
      <section className="page">
        <h1>{t("state.notFoundAgenda")}</h1>
        <Link to="/triage">{t("triage.panel.backToInbox")}</Link>
      </section>
    );
  return <Panel key={id} initial={state.data.agenda} me={me} />;
}

function Panel({ initial, me }: { initial: PanelAgenda; me: Me }) {
  const { t, tEnum, label, date, dateTime, relative, number, locale } = useI18n();
  const { agenda, conflict, dismissConflict, success, reloadError, refresh, formKey, submit } = useVersionedSubmit(initial);

  const next = nextExecutionStatus(agenda.status);
  const plannable = PLANNABLE_STATUSES.includes(agenda.status);
  const mayEditPlan =
    agenda.viewerCanTriage ||
    (!!agenda.plan?.responsibleDepartment &&
      (me.role === "STAFF" || me.role === "OFFICER") &&
      me.departments.some((d) => d.code === agenda.plan?.responsibleDepartment?.code));

  return (
    <article className="page triage-panel" data-agenda-id={agenda.id} data-version={agenda.version}>
      <p className="crumbs">
        <Link to="/triage">{t("triage.panel.backToInbox")}</Link>
        {" · "}
        <Link to={`/agendas/${agenda.id}`}>{t("triage.panel.publicPage")}</Link>
      </p>
      <p className="meta">
        <span data-testid="panel-status">
          <StatusBadge status={agenda.status} />
        </span>
        <span className="tag" title={label(agenda.fieldLabel)}>
          {tEnum("fieldName", agenda.fieldLabel.code)}
        </span>
        <span>{tEnum("channel", agenda.channel)}</span>
        {agenda.visibility === "INTERNAL" && <span className="badge">{t("agenda.internal")}</span>}
        <span data-testid="panel-version">{t("triage.panel.version", { version: agenda.version })}</span>
      </p>
      <h1>{agenda.title}</h1>

      <div role="status" aria-live="polite" data-testid="triage-success">
        {success && <p className="success">{success}</p>}
      </div>
      {reloadError && <ErrorState error={reloadError} onRetry={refresh} />}
      {conflict && (
        <ConflictBox
          key={conflict.changes.toVersion}
          changes={conflict.changes}
          attempted={conflict.action}
          fresh={agenda}
          onDismiss={dismissConflict}
        />
      )}

      <div className="detail-grid">
        <div>
          <section aria-labelledby="proposal-h">
            <h2 id="proposal-h">{t("agenda.body")}</h2>
            <p className="body-text" data-testid="panel-body">
              {agenda.body}
            </p>
          </section>
          <AttachmentList files={agenda.attachments} heading={t("files.heading")} />
          {agenda.statusReason && (agenda.status === "REJECTED" || agenda.status === "NEEDS_INFO") && (
            <p className="notice" data-testid="status-reason">
              <strong>{agenda.status === "REJECTED" ? t("agenda.rejectedBecause") : t("agenda.infoRequested")}</strong>{" "}
              {agenda.statusReason}
            </p>
          )}
          {agenda.mergedInto && (
            <p className="notice">
              {t("agenda.mergedInto")} <Link to={`/triage/agendas/${agenda.mergedInto.id}`}>{agenda.mergedInto.title}</Link>
            </p>
          )}

          <section className="panel decision-panel" aria-labelledby="decide-h">
            <h2 id="decide-h">{t("triage.panel.decide")}</h2>
            <Decisions key={`d${formKey}`} agenda={agenda} me={me} submit={submit} />
            {next && agenda.viewerCanTriage && <AdvanceForm key={`a${formKey}`} agenda={agenda} next={next} submit={submit} />}
          </section>

          {agenda.officialAnswerRequired && (
            <section className="panel" data-testid="official-answer-panel">
              <OfficialAnswerOwed agenda={agenda} />
              <OfficialAnswerView agenda={agenda} />
              {agenda.viewerCanTriage && <OfficialAnswerForm key={`o${formKey}`} agenda={agenda} submit={submit} />}
            </section>
          )}

          {plannable &&
            (mayEditPlan ? (
              <PlanEditor key={`p${formKey}:${agenda.plan?.updatedAt ?? ""}`} agenda={agenda} submit={submit} />
            ) : (
              agenda.plan && <PlanView plan={agenda.plan} />
            ))}
          {plannable && mayEditPlan && agenda.plan && (
            <PlanFiles agendaId={agenda.id} files={agenda.plan.attachments} onChanged={() => void refresh()} />
          )}
          {plannable && !mayEditPlan && agenda.plan && (
            <AttachmentList files={agenda.plan.attachments} heading={t("files.planHeading")} />
          )}

          <section aria-labelledby="history-h">
            <h2 id="history-h">{t("agenda.history")}</h2>
            <HistoryList events={agenda.history} label={t("agenda.history")} />
          </section>
        </div>

        <aside>
          <section className="panel" aria-labelledby="facts-h">
            <h2 id="facts-h">{t("triage.panel.facts")}</h2>
            <dl className="dl">
              <dt>{t("triage.panel.proposer")}</dt>
              <dd data-testid="panel-proposer">{agenda.proposer?.displayName ?? t("triage.panel.noProposer")}</dd>
              <dt>{t("triage.col.field")}</dt>
              <dd title={label(agenda.fieldLabel)}>{tEnum("fieldName", agenda.fieldLabel.code)}</dd>
              <dt>{t("triage.panel.district")}</dt>
              <dd>{agenda.districtLabel ? label(agenda.districtLabel) : t("triage.panel.citywide")}</dd>
              <dt>{t("triage.panel.channel")}</dt>
              <dd>{tEnum("channel", agenda.channel)}</dd>
              <dt>{t("triage.col.received")}</dt>
              <dd>
                <time dateTime={agenda.createdAt} title={dateTime(agenda.createdAt)}>
                  {date(agenda.createdAt)} ({relative(agenda.createdAt)})
                </time>
              </dd>
              <dt>{t("triage.panel.statusSince")}</dt>
              <dd>
                <time dateTime={agenda.statusChangedAt} title={dateTime(agenda.statusChangedAt)}>
                  {relative(agenda.statusChangedAt)}
                </time>
              </dd>
              <dt>{t("triage.col.supports")}</dt>
              <dd>{number(agenda.supportCount)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="routing-h" data-testid="routing">
            <h2 id="routing-h">{t("triage.panel.routing")}</h2>
            <p data-testid="owner">
              <strong>
                <OwnerLabel owner={agenda.owner} />
              </strong>
            </p>
            {agenda.routing ? (
              <>
                <p className="hint">{t("agenda.routedBecause", { reason: tEnum("routingReason", agenda.routing.reason) })}</p>
                {agenda.routing.explanation && (
                  <p className="hint" data-testid="routing-explanation">
                    {agenda.routing.explanation}
                  </p>
                )}
                <h3>{t("triage.panel.matchedTerms")}</h3>
                {agenda.routing.matchedTerms.length ? (
                  <ul className="chip-list" aria-label={t("triage.panel.matchedTerms")}>
                    {agenda.routing.matchedTerms.map((term) => (
                      <li key={term} className="tag">
                        {term}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="hint">{t("common.none")}</p>
                )}
                <h3>{t("triage.panel.candidates")}</h3>
                {agenda.routing.candidates.length ? (
                  <ul data-testid="candidates">
                    {agenda.routing.candidates.map((d) => (
                      <li key={d.code}>{deptName(d, locale)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="hint">{t("common.none")}</p>
                )}
              </>
            ) : (
              <p className="hint">{t("triage.panel.notRouted")}</p>
            )}
            {agenda.workPlanItem && <p className="hint">{t("agenda.workPlan", { title: agenda.workPlanItem.title })}</p>}
            {agenda.relatedDepartments.length > 0 && (
              <p className="hint">{t("agenda.related", { names: agenda.relatedDepartments.map((d) => deptName(d, locale)).join(", ") })}</p>
            )}
          </section>
          <InternalNotesPanel agendaId={agenda.id} />
        </aside>
      </div>
    </article>
  );
}
