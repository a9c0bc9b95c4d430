// Whether owners answer on time, for one quarter: the on-time rate per department (and the Social
// Innovation Officer) as bars, and the same numbers — decisions, on time, rate, median working days
// from routing to decision — as the table the chart points to. Shown on the progress dashboard and
// in the research team's report.
import { useQuery } from "../../api/hooks";
import { Empty, ErrorState, Loading } from "../../components/States";
import { useI18n } from "../../i18n";
import { PercentBarChart } from "./Charts";
import { OwnerTimelinessDocument } from "./documents";

export function OwnerTimelinessSection({ year, quarter, period }: { year: number; quarter: number; period: string }) {
  const { t, locale, number, percent } = useI18n();
  const state = useQuery(OwnerTimelinessDocument, { year, quarter });
  const dash = t("report.notApplicable");
  const rows = (state.data?.ownerTimeliness ?? []).map((r) => {
    const d = r.owner.department;
    return {
      key: d?.code ?? "OFFICER",
      label: d ? (locale === "ko" ? d.name : d.nameEn) : t("common.officer"),
      ...r,
    };
  });
  return (
    <section aria-labelledby="timeliness-h" data-testid="owner-timeliness">
      <h2 id="timeliness-h">{t("timeliness.title")}</h2>
      <p className="hint">{t("timeliness.lead")}</p>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.refetch} />
      ) : !state.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t("timeliness.none", { period })}</Empty>
      ) : (
        <>
          <PercentBarChart
            testId="on-time-chart"
            tableId="on-time-table"
            caption={t("timeliness.chartCaption", { period })}
            rows={rows.map((r) => ({ key: r.key, label: r.label, value: Math.round(100 * (r.onTimeRate ?? 0)) }))}
          />
          <div className="table-scroll" aria-busy={state.loading}>
            <table id="on-time-table" data-testid="on-time-table">
              <caption>{t("timeliness.caption", { period })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("timeliness.owner")}</th>
                  <th scope="col" className="num">{t("timeliness.decisions")}</th>
                  <th scope="col" className="num">{t("timeliness.onTime")}</th>
                  <th scope="col" className="num">{t("timeliness.rate")}</th>
                  <th scope="col" className="num">{t("timeliness.medianDays")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-owner={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{number(r.decisions)}</td>
                    <td className="num">{number(r.decidedOnTime)}</td>
                    <td className="num">{r.onTimeRate === null || r.onTimeRate === undefined ? dash : percent(r.onTimeRate)}</td>
                    <td className="num">
                      {r.medianWorkingDaysToDecision === null || r.medianWorkingDaysToDecision === undefined
                        ? dash
                        : t("timeliness.workingDays", { days: number(Math.round(r.medianWorkingDaysToDecision)) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
