// /progress/report: the research team's performance report per policy field as of a quarter's end
// (completion rate, time to acceptance and completion, KPI attainment, reviews), the owners' on-time
// answers, and the whole report as a CSV download.
import { Link } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { useI18n } from "../../i18n";
import { FIELD_ORDER, STATUS_ORDER } from "./chart";
import { ReportDocument } from "./documents";
import { QuarterPicker, useQuarterLabel, useYearQuarter } from "./shared";
import { OwnerTimelinessSection } from "./Timeliness";
import { ReportChart } from "./ReportChart";
import { WORKSHOP_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { canReview } from "../../auth/roles";

export function ReportPage() {
  return (
    <RoleGate gate={WORKSHOP_GATE} title="workshop.access.title">{() => <ReportView />}</RoleGate>
  );
}

function ReportView() {
  const { t, tEnum, number, percent } = useI18n();
  const { me } = useSession();
  const { year, quarter, now, set } = useYearQuarter(false);
  const q = quarter ?? now.quarter;
  const quarterLabel = useQuarterLabel();
  const state = useQuery(ReportDocument, { year, quarter: q });
  const rows = state.data ? [...state.data.performanceReport].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field)) : undefined;
  const dash = t("report.notApplicable");
  // Whole days: "465일", not "465.6일" — a median of days is read as days.
  const days = (v: number | null | undefined) => (v === null || v === undefined ? dash : t("report.days", { days: number(Math.round(v)) }));
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? dash : percent(v));
  const score = (v: number | null | undefined) => (v === null || v === undefined ? dash : number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

  return (
    <section className="page" aria-labelledby="report-h">
      <p className="meta">
        <Link to={`/progress?year=${year}&quarter=${q}`}>
          <span aria-hidden="true">← </span>
          {t("report.backToProgress")}
        </Link>
      </p>
      <h1 id="report-h">{t("report.title")}</h1>
      <p className="page-lead">{t("report.lead")}</p>
      <QuarterPicker idPrefix="rp" year={year} quarter={q} now={now} onChange={(v) => set({ year: v.year, quarter: v.quarter ?? q })} />
      {canReview(me?.role) && (
        <p>
          <Link className="button secondary" to="/research/review">
            {t("review.start")}
          </Link>
        </p>
      )}
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.refetch} />
      ) : !rows ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty />
      ) : (
        <div className="report-with-chart">
        <ReportChart rows={rows} caption={t("report.chart.caption", { period: quarterLabel(year, q) })} tableId="performance-report-table" />
        <div className="table-scroll" aria-busy={state.loading}>
          <table data-testid="performance-report" id="performance-report-table">
            <caption>{t("report.caption", { period: quarterLabel(year, q) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progress.field")}</th>
                <th scope="col" className="num">{t("progress.total")}</th>
                <th scope="col">{t("report.byStatus")}</th>
                <th scope="col" className="num">{t("report.completionRate")}</th>
                <th scope="col" className="num">{t("report.daysToAcceptance")}</th>
                <th scope="col" className="num">{t("report.daysToCompletion")}</th>
                <th scope="col" className="num">{t("report.kpiAttainment")}</th>
                <th scope="col" className="num">{t("report.reviewCount")}</th>
                <th scope="col" className="num">{t("report.averageScore")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const total = r.byStatus.reduce((n, s) => n + s.count, 0);
                const statuses = [...r.byStatus].sort(
                  (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
                );
                return (
                  <tr key={r.field} data-field={r.field}>
                    <th scope="row">{tEnum("fieldName", r.field)}</th>
                    <td className="num">{number(total)}</td>
                    <td>{statuses.length ? statuses.map((s) => `${tEnum("status", s.status)} ${number(s.count)}`).join(", ") : t("common.none")}</td>
                    <td className="num">{pct(r.completionRate)}</td>
                    <td className="num">{days(r.medianDaysToAcceptance)}</td>
                    <td className="num">{days(r.medianDaysToCompletion)}</td>
                    <td className="num">{pct(r.kpiAttainment)}</td>
                    <td className="num">{number(r.reviewCount)}</td>
                    <td className="num">{score(r.averageReviewScore)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        </div>
      )}
      <p>
        <a className="button secondary" href={`/reports/performance.csv?year=${year}&quarter=${q}`} download data-testid="report-csv">
          {t("report.csv")}
        </a>{" "}
        <span className="hint">{t("report.csvHint")}</span>
      </p>
      <OwnerTimelinessSection year={year} quarter={q} period={quarterLabel(year, q)} />
      <section aria-labelledby="report-notes-h">
        <h2 id="report-notes-h">{t("report.notesTitle")}</h2>
        <ul className="hint-list">
          <li>{t("report.note.completion")}</li>
          <li>{t("report.note.days")}</li>
          <li>{t("report.note.kpi")}</li>
          <li>{t("report.note.score")}</li>
        </ul>
      </section>
    </section>
  );
}
