// One agenda as a citizen sees it: what it asks, where it stands and why (the status timeline with
// reasons), who owns it and why it was routed there, its supporters, and its execution progress.
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { useMutation, useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { VerificationBanner } from "../../auth/VerificationBanner";
import { ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { useUserErrorText } from "../../forms";
import { useI18n, type MessageKey } from "../../i18n";
import type { AgendaDetailQuery } from "../../gql/graphql";
import { AgendaDetailDocument, FollowDocument, SupportDocument, WithdrawSupportDocument } from "./agendaDocuments";
import { AnswerInfoForm } from "./AnswerInfoForm";
import { OwnerName } from "./AgendaCard";
import { EventDetail } from "../../components/EventDetail";
import { PlanView } from "../../components/PlanView";
import { AttachmentList } from "../../attachments/AttachmentList";
import { DueDateNotice } from "../../components/DueDate";
import { OfficialAnswerOwed, OfficialAnswerView } from "../../components/OfficialAnswer";
import { supportRefusal, type SupportRefusal } from "./supportRules";
import { actorLabel } from "../../components/actorLabel";
import { usePageTitle } from "../../components/pageTitle";
import { Discussion } from "../participation/Discussion";

export type AgendaDetail = NonNullable<AgendaDetailQuery["agenda"]>;

export function AgendaPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const state = useQuery(AgendaDetailDocument, { id });
  // The routing explanation is written by the server in the language asked for: read it again
  // when the reader switches language.
  const { refetch } = state;
  const shownIn = useRef(locale);
  useEffect(() => {
    if (shownIn.current === locale) return;
    shownIn.current = locale;
    refetch();
  }, [locale, refetch]);
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!state.data) return <Loading />;
  const agenda = state.data.agenda;
  if (!agenda)
    return (
      <section className="page">
        <h1>{t("state.notFoundAgenda")}</h1>
        <Link to="/">{t("state.backHome")}</Link>
      </section>
    );
  return <AgendaView agenda={agenda} refetch={state.refetch} />;
}

function AgendaView({ agenda, refetch }: { agenda: AgendaDetail; refetch: () => void }) {
  const { t, tEnum, label, date, dateTime, locale } = useI18n();
  const { me } = useSession();
  const isProposer = !!me && agenda.proposer?.id === me.id;
  const deptName = (d: { name: string; nameEn: string }) => (locale === "ko" ? d.name : d.nameEn);
  usePageTitle(agenda.title);

  return (
    <article className="page">
      <p className="meta">
        <StatusBadge status={agenda.status} />
        <span className="tag" title={label(agenda.fieldLabel)}>{tEnum("fieldName", agenda.fieldLabel.code)}</span>
        <span>{tEnum("channel", agenda.channel)}</span>
        {agenda.districtLabel && <span>{label(agenda.districtLabel)}</span>}
        <span>{t("agenda.proposedOn", { date: date(agenda.createdAt) })}</span>
        {agenda.visibility === "INTERNAL" && <span className="badge">{t("agenda.internal")}</span>}
      </p>
      <h1>{agenda.title}</h1>
      <DueDateNotice agenda={agenda} isProposer={isProposer} />
      <OfficialAnswerOwed agenda={agenda} />
      {agenda.status === "REJECTED" && agenda.statusReason && (
        <p className="notice" data-testid="status-reason">
          <strong>{t("agenda.rejectedBecause")}</strong> {agenda.statusReason}
        </p>
      )}
      {agenda.status === "NEEDS_INFO" && agenda.statusReason && !isProposer && (
        <p className="notice" data-testid="status-reason">
          <strong>{t("agenda.infoRequested")}</strong> {agenda.statusReason}
        </p>
      )}
      {agenda.mergedInto && (
        <p className="notice">
          {t("agenda.mergedInto")} <Link to={`/agendas/${agenda.mergedInto.id}`}>{agenda.mergedInto.title}</Link>
        </p>
      )}
      {agenda.viewerCanTriage && (
        <p>
          <Link className="button secondary" to={`/triage/agendas/${agenda.id}`}>
            {t("agenda.openTriage")}
          </Link>
        </p>
      )}
      {/* Reading order = a phone's order: what it asks, then where it stands (support, owner), then
          its plan and history; on a wide screen the side panel sits to the right of both. */}
      <div className="detail-grid agenda-detail">
        <div className="detail-body">
          <OfficialAnswerView agenda={agenda} />
          <h2 className="visually-hidden">{t("agenda.body")}</h2>
          <p className="body-text">{agenda.body}</p>
          <AttachFailedNotice />
          <AttachmentList files={agenda.attachments} heading={t("files.heading")} />
          {isProposer && agenda.status === "NEEDS_INFO" && <AnswerInfoForm agenda={agenda} onDone={refetch} />}
        </div>
        <aside className="detail-side" data-testid="agenda-side">
          <SupportPanel agenda={agenda} />
          <section className="panel" aria-labelledby="owner-h">
            <h2 id="owner-h">{t("agenda.owner")}</h2>
            <p data-testid="owner">
              <strong>
                <OwnerName owner={agenda.owner} />
              </strong>
            </p>
            {agenda.routing && (
              <>
                <p className="hint">{t("agenda.routedBecause", { reason: tEnum("routingReason", agenda.routing.reason) })}</p>
                {agenda.routing.explanation && (
                  // The server writes it in the reader's language, naming its evidence.
                  <p className="hint" data-testid="routing-explanation">
                    {agenda.routing.explanation}
                  </p>
                )}
                {agenda.routing.matchedTerms.length > 0 && (
                  <p className="hint">{t("agenda.matchedTerms", { terms: agenda.routing.matchedTerms.join(", ") })}</p>
                )}
                {agenda.routing.candidates.length > 1 && (
                  <p className="hint">
                    {t("agenda.candidates", { names: agenda.routing.candidates.map(deptName).join(", ") })}
                  </p>
                )}
              </>
            )}
            {agenda.workPlanItem && <p className="hint">{t("agenda.workPlan", { title: agenda.workPlanItem.title })}</p>}
            {agenda.relatedDepartments.length > 0 && (
              <p className="hint">{t("agenda.related", { names: agenda.relatedDepartments.map(deptName).join(", ") })}</p>
            )}
          </section>
        </aside>
        <div className="detail-history" data-testid="agenda-history">
          {agenda.plan && <PlanView plan={agenda.plan} />}
          {agenda.plan && <AttachmentList files={agenda.plan.attachments} heading={t("files.planHeading")} />}
          <h2>{t("agenda.history")}</h2>
          <ol className="timeline" aria-label={t("agenda.history")}>
            {agenda.history.map((e) => (
              <li key={e.id}>
                <strong>
                  {e.kind === "TRANSITION" && e.toStatus ? tEnum("status", e.toStatus) : tEnum("eventKind", e.kind)}
                </strong>{" "}
                <time className="when" dateTime={e.createdAt}>
                  {dateTime(e.createdAt)}
                </time>
                {e.actor && (
                  <span className="when">
                    {" · "}
                    {actorLabel(e.actor.displayName, tEnum("role", e.actor.role))}
                  </span>
                )}
                <EventDetail kind={e.kind} reason={e.reason} data={e.data} />
              </li>
            ))}
          </ol>
          <Discussion agendaId={agenda.id} open={agenda.visibility === "PUBLIC" && agenda.status !== "SUBMITTED"} />
        </div>
      </div>
    </article>
  );
}

const REFUSAL_TEXT: Record<NonNullable<SupportRefusal>, MessageKey> = {
  OWN: "agenda.noSupport.OWN",
  SUBMITTED: "agenda.noSupport.SUBMITTED",
  MERGED: "agenda.noSupport.MERGED",
  REJECTED: "agenda.noSupport.REJECTED",
  COMPLETED: "agenda.noSupport.COMPLETED",
};

function SupportPanel({ agenda }: { agenda: AgendaDetail }) {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const errorText = useUserErrorText();
  const [count, setCount] = useState(agenda.supportCount);
  const [next, setNext] = useState(agenda.nextSupportThreshold);
  const [supported, setSupported] = useState(agenda.viewerHasSupported);
  const [following, setFollowing] = useState(agenda.viewerIsFollowing);
  const [problem, setProblem] = useState<string>();
  const support = useMutation(SupportDocument, (r) => r.supportAgenda);
  const withdraw = useMutation(WithdrawSupportDocument, (r) => r.withdrawSupport);
  const follow = useMutation(FollowDocument, (r) => r.followAgenda);

  const toggleSupport = async () => {
    const result = supported ? await withdraw.run({ id: agenda.id }) : await support.run({ id: agenda.id });
    if (result.payload?.agenda) {
      setCount(result.payload.agenda.supportCount);
      setSupported(result.payload.agenda.viewerHasSupported);
      setNext(result.payload.agenda.nextSupportThreshold);
    }
    if (result.errors.some((e) => e.code === "EMAIL_NOT_VERIFIED")) refresh(); // the banner explains what to do
    setProblem(result.failure ? t("state.networkError") : result.errors[0] && errorText(result.errors[0]));
  };
  const toggleFollow = async () => {
    const result = await follow.run({ id: agenda.id, following: !following });
    if (result.payload?.agenda) setFollowing(result.payload.agenda.viewerIsFollowing);
    setProblem(result.failure ? t("state.networkError") : result.errors[0] && errorText(result.errors[0]));
  };
  // A support already given can always be withdrawn; a new one only where the server would take it.
  const refusal = me && !supported ? supportRefusal(agenda, me.id) : null;

  return (
    <section className="panel" aria-labelledby="support-h">
      <h2 id="support-h">{t("agenda.supporters")}</h2>
      <p aria-live="polite" data-testid="support-count">
        <SupportersLine count={count} />
        {next && (
          <>
            {" · "}
            <span data-testid="support-towards" title={t("support.towardsHint")}>
              {t(next.action === "ANSWER" ? "support.towards.ANSWER" : "support.towards.WORKSHOP", { count: next.remaining })}
            </span>
          </>
        )}
      </p>
      {me && !refusal && <VerificationBanner />}
      {me ? (
        <div className="form-actions">
          {refusal ? (
            <p className="hint" data-testid="support-refused" data-reason={refusal}>
              {t(REFUSAL_TEXT[refusal])}
            </p>
          ) : (
            <button type="button" className={supported ? "button secondary" : "button"} aria-pressed={supported} onClick={toggleSupport} disabled={support.running || withdraw.running}>
              {supported ? t("agenda.withdrawSupport") : t("agenda.support")}
            </button>
          )}
          <button type="button" className="button secondary" aria-pressed={following} onClick={toggleFollow} disabled={follow.running}>
            {following ? t("agenda.unfollow") : t("agenda.follow")}
          </button>
        </div>
      ) : (
        <p className="hint">
          <Link to="/login">{t("nav.login")}</Link>
          {t("agenda.loginToSupport")}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** The proposal was made but its files could not be attached (the form said nothing: it had left). */
function AttachFailedNotice() {
  const { t } = useI18n();
  const location = useLocation();
  const reason = (location.state as { attachFailed?: string } | null)?.attachFailed;
  if (!reason) return null;
  return (
    <p className="notice" role="alert">
      {t("files.attachFailed", { reason })}
    </p>
  );
}

/** "12명이 공감합니다" with the count in bold: the number and its counter word stay together ("0명",
 * never "0 명") and the particle follows without a space. */
function SupportersLine({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <>
      <strong>{t("agenda.supportersCount", { count })}</strong>
      {t("agenda.supportersUnit")}
    </>
  );
}
