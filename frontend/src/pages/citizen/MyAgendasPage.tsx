// "My agendas": first what waits for the citizen (a question from the department, answered right
// here), then everything they proposed, then the agendas they support or follow — each with a way
// to stop the news about it.
import { useCallback, useState } from "react";
import { Link } from "react-router-dom";
import { graphql } from "../../gql";
import { request } from "../../api/client";
import { useMutation, useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { DueDateCell } from "../../components/DueDate";
import { deadlineOf } from "../../components/deadline";
import { ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { KeysetList, useKeysetPages, useUserErrorText } from "../../forms";
import { useI18n } from "../../i18n";
import type { MyAgendaRowFragment } from "../../gql/graphql";
import { AnswerInfoForm } from "./AnswerInfoForm";
import { OwnerName } from "./AgendaCard";
import { FollowDocument } from "./agendaDocuments";

graphql(`
  fragment MyAgendaRow on Agenda {
    id title body status version statusReason statusChangedAt createdAt supportCount
    answerDueAt answerWorkingDaysLeft overdue viewerHasSupported
    fieldLabel { code ko en }
    owner { kind department { code name nameEn } }
  }
`);

const NeedsAnswerDocument = graphql(`
  query MyAgendasNeedingAnswer {
    agendas(filter: { mine: true, statuses: [NEEDS_INFO] }, first: 50) {
      edges { node { ...MyAgendaRow } }
    }
  }
`);

const MyAgendasDocument = graphql(`
  query MyAgendas($first: Int!, $after: String) {
    agendas(filter: { mine: true }, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...MyAgendaRow } }
    }
  }
`);

const FollowedDocument = graphql(`
  query MyFollowedAgendas($first: Int!, $after: String) {
    myFollowedAgendas(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...MyAgendaRow } }
    }
  }
`);

const PAGE_SIZE = 20;

export function MyAgendasPage() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  if (loading && !me) return <Loading />;
  if (!me)
    return (
      <section className="page">
        <h1>{t("mine.title")}</h1>
        <p className="notice">
          {t("state.loginRequired")} <Link to="/login?next=/my">{t("nav.login")}</Link>
        </p>
      </section>
    );
  return <MyAgendas />;
}

function MyAgendas() {
  const { t } = useI18n();
  const needs = useQuery(NeedsAnswerDocument);
  const fetchOwn = useCallback(
    async (after: string | null, signal?: AbortSignal) => (await request(MyAgendasDocument, { first: PAGE_SIZE, after }, { signal })).agendas,
    [],
  );
  const own = useKeysetPages<MyAgendaRowFragment>("own", fetchOwn);
  const ownTotal = own.totalCount ?? undefined;
  const answered = () => {
    needs.refetch();
    own.refetch();
  };
  const waiting = needs.data?.agendas.edges.map((e) => e.node) ?? [];

  return (
    <section className="page my-agendas">
      <h1>{t("mine.title")}</h1>
      <p className="page-lead">{t("mine.lead")}</p>

      {needs.error && <ErrorState error={needs.error} onRetry={needs.refetch} />}
      {waiting.length > 0 && (
        <section aria-labelledby="mine-action-h" className="mine-action" data-testid="mine-action">
          <h2 id="mine-action-h">
            {t("mine.actionTitle")} <span className="count">{t("common.results", { count: waiting.length })}</span>
          </h2>
          <p className="hint">{t("mine.actionLead")}</p>
          <ul className="result-list">
            {waiting.map((a) => (
              <li key={a.id} className="card" data-agenda-id={a.id}>
                <AgendaSummary agenda={a} />
                <AnswerInfoForm agenda={a} onDone={answered} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="mine-own-h" data-testid="mine-own">
        <h2 id="mine-own-h">
          {t("mine.ownTitle")} {ownTotal !== undefined && <span className="count">{t("common.results", { count: ownTotal })}</span>}
        </h2>
        <KeysetList
          list={own}
          empty={
            <>
              {t("mine.empty")} <Link to="/propose">{t("nav.propose")}</Link>
            </>
          }
          moreTestId="mine-own-more"
        >
          {(rows) => (
            <ul className="result-list">
              {rows.map((a) => (
                <li key={a.id} className="card" data-agenda-id={a.id}>
                  <AgendaSummary agenda={a} />
                  {a.status === "REJECTED" && a.statusReason && (
                    <p className="notice">
                      <strong>{t("agenda.rejectedBecause")}</strong> {a.statusReason}
                    </p>
                  )}
                  {a.status === "NEEDS_INFO" && <p className="hint">{t("mine.answerAbove")}</p>}
                </li>
              ))}
            </ul>
          )}
        </KeysetList>
      </section>

      <Followed />
    </section>
  );
}

function Followed() {
  const { t } = useI18n();
  const errorText = useUserErrorText();
  const [total, setTotal] = useState<number>();
  const [said, setSaid] = useState<{ text: string; problem: boolean }>();
  const fetchFollowed = useCallback(async (after: string | null, signal?: AbortSignal) => {
    const c = (await request(FollowedDocument, { first: PAGE_SIZE, after }, { signal })).myFollowedAgendas;
    setTotal(c.totalCount);
    return c;
  }, []);
  const list = useKeysetPages<MyAgendaRowFragment>("followed", fetchFollowed);
  const follow = useMutation(FollowDocument, (r) => r.followAgenda);

  const unfollow = async (a: MyAgendaRowFragment) => {
    const result = await follow.run({ id: a.id, following: false });
    if (result.failure) return setSaid({ text: t("state.networkError"), problem: true });
    if (result.errors.length) return setSaid({ text: errorText(result.errors[0]), problem: true });
    list.update((rows) => rows.filter((r) => r.id !== a.id));
    setTotal((n) => (n === undefined ? n : Math.max(0, n - 1)));
    setSaid({ text: t("mine.unfollowed", { title: a.title }), problem: false });
  };

  return (
    <section aria-labelledby="mine-followed-h" data-testid="mine-followed">
      <h2 id="mine-followed-h">
        {t("mine.followedTitle")} {total !== undefined && <span className="count">{t("common.results", { count: total })}</span>}
      </h2>
      {said && (
        <p role={said.problem ? "alert" : "status"} className={said.problem ? "field-error" : "hint"} data-testid="followed-said">
          {said.text}
        </p>
      )}
      <KeysetList list={list} empty={t("mine.followedEmpty")} moreTestId="mine-followed-more">
        {(rows) => (
          <ul className="result-list">
            {rows.map((a) => (
              <li key={a.id} className="card" data-agenda-id={a.id}>
                <AgendaSummary agenda={a} />
                <div className="form-actions">
                  <button type="button" className="button secondary" onClick={() => unfollow(a)} disabled={follow.running}>
                    {t("mine.unfollow")}
                    <span className="visually-hidden"> · {a.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </KeysetList>
    </section>
  );
}

function AgendaSummary({ agenda: a }: { agenda: MyAgendaRowFragment }) {
  const { t, tEnum, label, date, relative } = useI18n();
  return (
    <>
      <h3>
        <Link to={`/agendas/${a.id}`}>{a.title}</Link>
      </h3>
      <div className="meta">
        <StatusBadge status={a.status} />
        <span className="tag" title={label(a.fieldLabel)}>{tEnum("fieldName", a.fieldLabel.code)}</span>
        <span>
          <OwnerName owner={a.owner} />
        </span>
        <span>{t("common.supports", { count: a.supportCount })}</span>
        {a.viewerHasSupported && <span className="badge">{t("mine.supported")}</span>}
        <span>{t("mine.proposedOn", { date: date(a.createdAt) })}</span>
        <span>{t("mine.statusSince", { when: relative(a.statusChangedAt) })}</span>
        {deadlineOf(a) && (
          <span>
            <DueDateCell agenda={a} />
          </span>
        )}
      </div>
    </>
  );
}
