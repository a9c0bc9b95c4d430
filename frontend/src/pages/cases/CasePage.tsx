// /cases/:id: one innovation case, readable without an account and linkable on its own — what was
// done, where, the outcome and the lessons, and the agenda it came from (when the reader may see it).
import { Link, useParams } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { usePageTitle } from "../../components/pageTitle";
import { useI18n } from "../../i18n";
import { CaseDocument } from "./documents";

export function CasePage() {
  const { id = "" } = useParams();
  const { t, tEnum, date } = useI18n();
  const state = useQuery(CaseDocument, { id });
  const c = state.data?.case;
  usePageTitle(c?.title);
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!state.data) return <Loading />;
  if (!c)
    return (
      <section className="page">
        <h1>{t("case.notFound")}</h1>
        <Link to="/cases">{t("case.back")}</Link>
      </section>
    );
  return (
    <article className="page case-page" data-case-id={c.id}>
      <p className="crumbs">
        <Link to="/cases">{t("case.back")}</Link>
      </p>
      <p className="meta">
        <span className="badge">{tEnum("cases.origin", c.origin)}</span>
        <span className="tag">{tEnum("fieldName", c.field)}</span>
        {c.place && <span>{c.place}</span>}
        <span>{t("case.published", { date: date(c.publishedAt) })}</span>
      </p>
      <h1>{c.title}</h1>
      <h2>{t("case.summary")}</h2>
      <p className="body-text">{c.summary}</p>
      {c.outcome && (
        <>
          <h2>{t("case.outcome")}</h2>
          <p className="body-text">{c.outcome}</p>
        </>
      )}
      {c.lessons && (
        <>
          <h2>{t("case.lessons")}</h2>
          <p className="body-text">{c.lessons}</p>
        </>
      )}
      {c.agenda && (
        <section className="panel" aria-labelledby="case-agenda-h">
          <h2 id="case-agenda-h">{t("case.agenda")}</h2>
          <p>
            <Link to={`/agendas/${c.agenda.id}`}>{c.agenda.title}</Link> <StatusBadge status={c.agenda.status} />
          </p>
        </section>
      )}
    </article>
  );
}
