// "My agendas": everything I proposed, where it stands, and — when staff asked me for more
// information — the question and the form to answer it, right here.
import { Link } from "react-router-dom";
import { graphql } from "../../gql";
import { useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { useI18n } from "../../i18n";
import { AnswerInfoForm } from "./AnswerInfoForm";
import { OwnerName } from "./AgendaCard";

const MyAgendasDocument = graphql(`
  query MyAgendas($after: String) {
    agendas(filter: { mine: true }, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title body status version statusReason statusChangedAt createdAt supportCount
          fieldLabel { code ko en }
          owner { kind department { code name nameEn } }
        }
      }
    }
  }
`);

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
  return <MyAgendasList />;
}

function MyAgendasList() {
  const { t, tEnum, label, date, relative } = useI18n();
  const state = useQuery(MyAgendasDocument, { after: null });
  return (
    <section className="page">
      <h1>{t("mine.title")}</h1>
      <p className="page-lead">{t("mine.lead")}</p>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.refetch} />
      ) : !state.data ? (
        <Loading />
      ) : state.data.agendas.edges.length === 0 ? (
        <Empty>
          {t("mine.empty")} <Link to="/propose">{t("nav.propose")}</Link>
        </Empty>
      ) : (
        <>
          <p>{t("common.results", { count: state.data.agendas.totalCount })}</p>
          <ul className="result-list">
            {state.data.agendas.edges.map(({ node: a }) => (
              <li key={a.id} className="card" data-agenda-id={a.id}>
                <h2>
                  <Link to={`/agendas/${a.id}`}>{a.title}</Link>
                </h2>
                <div className="meta">
                  <StatusBadge status={a.status} />
                  <span className="tag" title={label(a.fieldLabel)}>{tEnum("fieldName", a.fieldLabel.code)}</span>
                  <span>
                    <OwnerName owner={a.owner} />
                  </span>
                  <span>{t("mine.proposedOn", { date: date(a.createdAt) })}</span>
                  <span>{t("mine.statusSince", { when: relative(a.statusChangedAt) })}</span>
                </div>
                {a.status === "REJECTED" && a.statusReason && (
                  <p className="notice">
                    <strong>{t("agenda.rejectedBecause")}</strong> {a.statusReason}
                  </p>
                )}
                {a.status === "NEEDS_INFO" && <AnswerInfoForm agenda={a} onDone={state.refetch} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
