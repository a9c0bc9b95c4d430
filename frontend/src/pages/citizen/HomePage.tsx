// The citizen's home: one search box over every public agenda (Korean, Chinese, English), facet
// filters with counts, highlighted results. The search state lives in the URL, so a result page can
// be shared and the back button works. On a phone the filters sit behind a button at the top (not
// after twenty results); the district map shows the district facet's counts and filters by district.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { graphql } from "../../gql";
import type { SearchFilterInput, SearchSort } from "../../gql/graphql";
import { useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { Empty, ErrorState, Loading } from "../../components/States";
import { useI18n, type MessageKey } from "../../i18n";
import { AgendaCard } from "./AgendaCard";
import { DistrictMap } from "../../components/map/DistrictMap";

const SearchDocument = graphql(`
  query SearchAgendas($query: String!, $filter: SearchFilterInput, $first: Int!, $offset: Int!, $sort: SearchSort!) {
    search(query: $query, filter: $filter, first: $first, offset: $offset, sort: $sort) {
      estimatedTotal
      processingTimeMs
      degraded
      facets {
        field { value count }
        status { value count }
        channel { value count }
        department { value count }
        district { value count }
      }
      hits {
        highlights { title body }
        agenda {
          id title status createdAt supportCount
          fieldLabel { code ko en }
          districtLabel { code ko en }
          owner { kind department { code name nameEn } }
        }
      }
    }
  }
`);

const PAGE = 20;
const FACETS = [
  { key: "field", param: "fields" },
  { key: "status", param: "statuses" },
  { key: "channel", param: "channels" },
  { key: "department", param: "departmentCodes" },
  { key: "district", param: "districts" },
] as const;
type FacetKey = (typeof FACETS)[number]["key"];
const SORTS: SearchSort[] = ["RELEVANCE", "NEWEST", "MOST_SUPPORTED"];

export function HomePage() {
  const { t, tEnum, locale, label, number } = useI18n();
  const lookups = useLookups();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const sort = (SORTS.includes(params.get("sort") as SearchSort) ? params.get("sort") : "RELEVANCE") as SearchSort;
  const [draft, setDraft] = useState(q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  // The map starts open where there is room beside the results, folded on a phone.
  const [mapOpen, setMapOpen] = useState(() => typeof window === "undefined" || !window.matchMedia || window.matchMedia("(min-width: 48rem)").matches);
  useEffect(() => setDraft(q), [q]);

  const filter: SearchFilterInput = {};
  for (const f of FACETS) {
    const values = params.getAll(f.key);
    if (values.length) (filter as Record<string, string[]>)[f.param] = values;
  }
  const state = useQuery(SearchDocument, { query: q, filter, first: PAGE, offset, sort });

  const update = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    mutate(next);
    next.delete("offset");
    setParams(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update((p) => (draft.trim() ? p.set("q", draft.trim()) : p.delete("q")));
  };
  const toggle = (key: FacetKey, value: string, on: boolean) =>
    update((p) => {
      const values = p.getAll(key).filter((v) => v !== value);
      if (on) values.push(value);
      p.delete(key);
      values.forEach((v) => p.append(key, v));
    });

  const facetLabel = (key: FacetKey, value: string): string => {
    if (key === "status") return tEnum("status", value);
    if (key === "channel") return tEnum("channel", value);
    if (key === "field") return tEnum("fieldName", value);
    if (key === "district") return label(lookups?.districts.find((l) => l.code === value)) || value;
    const dept = lookups?.departments.find((d) => d.code === value);
    return dept ? (locale === "ko" ? dept.name : dept.nameEn) : value;
  };
  const result = state.data?.search;
  const chosen = FACETS.reduce((n, f) => n + params.getAll(f.key).length, 0);

  return (
    <section className="page">
      <h1>{t("home.title")}</h1>
      <p className="page-lead">{t("home.lead")}</p>
      <form role="search" className="search-bar" onSubmit={onSubmit}>
        <label htmlFor="search-q" className="visually-hidden">
          {t("home.searchLabel")}
        </label>
        <input
          id="search-q"
          type="search"
          value={draft}
          placeholder={t("home.searchPlaceholder")}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          {t("home.searchButton")}
        </button>
      </form>
      <button
        type="button"
        className="button secondary filter-toggle"
        aria-expanded={filtersOpen}
        aria-controls="search-filters"
        data-testid="filter-toggle"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {filtersOpen ? t("home.hideFilters") : chosen ? t("home.filterButtonCount", { count: chosen }) : t("home.filterButton")}
      </button>
      <div className="layout-2col">
        <aside id="search-filters" className={filtersOpen ? "facets open" : "facets"} aria-label={t("home.filters")}>
          <h2 className="visually-hidden">{t("home.filters")}</h2>
          {result &&
            FACETS.map((f) => {
              const counts = result.facets[f.key];
              const selected = params.getAll(f.key);
              const shown = [...counts];
              for (const v of selected) if (!shown.some((c) => c.value === v)) shown.push({ value: v, count: 0 });
              if (!shown.length) return null;
              return (
                <fieldset key={f.key}>
                  <legend>{t(`home.facet.${f.key}` as MessageKey)}</legend>
                  {shown.map((c) => (
                    <label key={c.value}>
                      <input
                        type="checkbox"
                        checked={selected.includes(c.value)}
                        onChange={(e) => toggle(f.key, c.value, e.target.checked)}
                      />
                      <span>{facetLabel(f.key, c.value)}</span>
                      <span className="count">{number(c.count)}</span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
        </aside>
        <div>
          <div className="meta" style={{ justifyContent: "space-between", marginBottom: "0.75rem" }}>
            <p aria-live="polite" style={{ margin: 0 }}>
              {result ? t("home.resultCount", { count: result.estimatedTotal }) : ""}
            </p>
            <label>
              {t("home.sort")}{" "}
              <select value={sort} onChange={(e) => update((p) => p.set("sort", e.target.value))}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`home.sort.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {result?.degraded && <p className="notice">{t("home.degraded")}</p>}
          {result && (
            <details className="map-panel" open={mapOpen} onToggle={(e) => setMapOpen(e.currentTarget.open)} data-testid="map-panel">
              <summary>{t("map.show")}</summary>
              <p className="hint">{t("map.lead")}</p>
              <DistrictMap
                counts={result.facets.district}
                caption={t("map.title")}
                selected={params.getAll("district")}
                onToggle={(code) => toggle("district", code, !params.getAll("district").includes(code))}
              />
            </details>
          )}
          {state.error ? (
            <ErrorState error={state.error} onRetry={state.refetch} />
          ) : !result ? (
            <Loading />
          ) : result.hits.length === 0 ? (
            <Empty>
              {t("home.noResults")} <Link to="/propose">{t("home.proposeInstead")}</Link>
            </Empty>
          ) : (
            <>
              <ol className="result-list" aria-busy={state.loading}>
                {result.hits.map((hit) => (
                  <li key={hit.agenda.id}>
                    <AgendaCard agenda={hit.agenda} highlights={hit.highlights} />
                  </li>
                ))}
              </ol>
              <nav className="pager" aria-label={t("home.pages")}>
                {offset > 0 && (
                  <button type="button" className="button secondary" onClick={() => setParams((p) => { p.set("offset", String(Math.max(0, offset - PAGE))); return p; })}>
                    {t("home.prev")}
                  </button>
                )}
                {offset + PAGE < result.estimatedTotal && (
                  <button type="button" className="button secondary" onClick={() => setParams((p) => { p.set("offset", String(offset + PAGE)); return p; })}>
                    {t("home.next")}
                  </button>
                )}
              </nav>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
