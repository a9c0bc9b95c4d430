// /cases: the public case library (혁신사례) — completed agendas of the programme and domestic and
// international cases, readable without an account; search with facets by policy field and origin.
// The search state lives in the URL so a result list can be shared.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import type { CaseListQuery, CaseOrigin, PolicyField } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { canPublishCases } from "../../auth/roles";
import { CaseListDocument, CaseSearchDocument } from "./documents";

export const ORIGINS: CaseOrigin[] = ["PROGRAMME", "DOMESTIC", "INTERNATIONAL"];
export const FIELDS: PolicyField[] = ["DISTRIBUTION", "LIVING_CULTURE_SPACE", "JOBS", "HOUSING_SAFETY", "PARTICIPATION_PUBLIC_SERVICE"];
type Case = CaseListQuery["cases"][number];

export function CasesPage() {
  const { t, tEnum, number } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const fields = params.getAll("field").filter((f): f is PolicyField => FIELDS.includes(f as PolicyField));
  const origins = params.getAll("origin").filter((o): o is CaseOrigin => ORIGINS.includes(o as CaseOrigin));
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const published = params.get("published");

  // Browsing (no words, at most one value per facet) reads the library itself, newest first, so a
  // case just published shows at once; words or several values go through the search engine.
  const browsing = !q && fields.length <= 1 && origins.length <= 1;
  const search = useQuery(CaseSearchDocument, {
    query: q,
    fields: fields.length ? fields : null,
    origins: origins.length ? origins : null,
    first: browsing ? 1 : 50,
  });
  const list = useQuery(CaseListDocument, { field: fields[0] ?? null, origin: origins[0] ?? null, first: 100 }, { skip: !browsing });
  const listState = browsing ? list : search;
  const cases: Case[] | undefined = browsing ? list.data?.cases : search.data?.results.cases;
  const total = browsing ? cases?.length : search.data?.results.estimatedTotal;

  const update = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete("published");
    mutate(next);
    setParams(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update((p) => (draft.trim() ? p.set("q", draft.trim()) : p.delete("q")));
  };
  const toggle = (key: "field" | "origin", value: string, on: boolean) =>
    update((p) => {
      const values = p.getAll(key).filter((v) => v !== value);
      if (on) values.push(value);
      p.delete(key);
      values.forEach((v) => p.append(key, v));
    });

  const countOf = (facets: { value: string; count: number }[] | undefined, value: string) =>
    facets?.find((f) => f.value === value)?.count;
  const fieldFacets = search.data?.fieldCounts.fieldFacets;
  const originFacets = search.data?.originCounts.originFacets;

  return (
    <section className="page" aria-labelledby="cases-h">
      <h1 id="cases-h">{t("cases.title")}</h1>
      <p className="page-lead">{t("cases.lead")}</p>
      {canPublishCases(me?.role) && (
        <p>
          <Link className="button" to="/cases/new">
            {t("cases.publish.open")}
          </Link>
        </p>
      )}
      {published && (
        <p className="success" role="status">
          {t("cases.publish.done")}
        </p>
      )}
      <form role="search" className="search-bar" onSubmit={onSubmit}>
        <label htmlFor="cases-q" className="visually-hidden">
          {t("cases.searchLabel")}
        </label>
        <input id="cases-q" type="search" value={draft} placeholder={t("cases.searchPlaceholder")} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button">
          {t("cases.searchButton")}
        </button>
      </form>
      <div className="layout-2col">
        <aside className="facets" aria-label={t("cases.filters")}>
          <h2 className="visually-hidden">{t("cases.filters")}</h2>
          {search.error && !search.data && <ErrorState error={search.error} onRetry={search.refetch} />}
          <fieldset>
            <legend>{t("cases.facet.field")}</legend>
            {FIELDS.map((f) => {
              const count = countOf(fieldFacets, f);
              return (
                <label key={f}>
                  <input type="checkbox" checked={fields.includes(f)} onChange={(e) => toggle("field", f, e.target.checked)} />
                  <span>{tEnum("fieldName", f)}</span>
                  {fieldFacets && fieldFacets.length > 0 && <span className="count">{number(count ?? 0)}</span>}
                </label>
              );
            })}
          </fieldset>
          <fieldset>
            <legend>{t("cases.facet.origin")}</legend>
            {ORIGINS.map((o) => {
              const count = countOf(originFacets, o);
              return (
                <label key={o}>
                  <input type="checkbox" checked={origins.includes(o)} onChange={(e) => toggle("origin", o, e.target.checked)} />
                  <span>{tEnum("cases.origin", o)}</span>
                  {originFacets && originFacets.length > 0 && <span className="count">{number(count ?? 0)}</span>}
                </label>
              );
            })}
          </fieldset>
          {(fields.length > 0 || origins.length > 0 || q) && (
            <button type="button" className="link-button" onClick={() => update((p) => ["q", "field", "origin"].forEach((k) => p.delete(k)))}>
              {t("cases.clear")}
            </button>
          )}
        </aside>
        <div>
          <p aria-live="polite" className="meta">
            {total !== undefined ? t("common.results", { count: total }) : ""}
          </p>
          {search.data?.results.degraded && !browsing && <p className="notice">{t("cases.degraded")}</p>}
          {listState.error ? (
            <ErrorState error={listState.error} onRetry={listState.refetch} />
          ) : !cases ? (
            <Loading />
          ) : cases.length === 0 ? (
            <Empty>{q || fields.length || origins.length ? t("cases.noResults") : t("cases.empty")}</Empty>
          ) : (
            <ol className="result-list" aria-busy={listState.loading} data-testid="case-list">
              {cases.map((c) => (
                <li key={c.id}>
                  <CaseCard c={c} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function CaseCard({ c }: { c: Case }) {
  const { t, tEnum, date } = useI18n();
  const headingId = `case-${c.id}-h`;
  return (
    <article className="card case-card" aria-labelledby={headingId} data-case-id={c.id}>
      <h2 id={headingId}>
        <Link to={`/cases/${c.id}`}>{c.title}</Link>
      </h2>
      <p className="meta">
        <span className="badge">{tEnum("cases.origin", c.origin)}</span>
        <span className="tag">{tEnum("fieldName", c.field)}</span>
        {c.place && <span>{c.place}</span>}
        <span>
          {t("cases.publishedOn")} <time dateTime={c.publishedAt}>{date(c.publishedAt)}</time>
        </span>
      </p>
      <p className="body-text">{c.summary}</p>
      {(c.outcome || c.lessons) && (
        <details>
          <summary>{t("cases.more")}</summary>
          <dl className="dl">
            {c.outcome && (
              <>
                <dt>{t("cases.outcome")}</dt>
                <dd className="body-text">{c.outcome}</dd>
              </>
            )}
            {c.lessons && (
              <>
                <dt>{t("cases.lessons")}</dt>
                <dd className="body-text">{c.lessons}</dd>
              </>
            )}
          </dl>
        </details>
      )}
      {c.agenda && (
        <p>
          {t("cases.fromAgenda")} <Link to={`/agendas/${c.agenda.id}`}>{c.agenda.title}</Link>
        </p>
      )}
    </article>
  );
}
