// The performance report drawn beside its table: per policy field, two bars — the completion rate and
// the KPI attainment, 0–100 % — each with its value written at its end (never colour alone), a legend,
// an accessible name and description, and the table it draws (aria-describedby) as the text alternative.
import { useId } from "react";
import { useI18n } from "../../i18n";

export type ReportChartRow = { field: string; completionRate: number | null | undefined; kpiAttainment: number | null | undefined };

const WIDTH = 720;
const PAD_LEFT = 8;
const PAD_RIGHT = 64;
const LABEL_H = 20;
const BAR_H = 16;
const BAR_GAP = 4;
const ROW_GAP = 14;
const AXIS_H = 22;
const SERIES = [
  { key: "completionRate", label: "report.chart.completion", colour: "#1f6f43" },
  { key: "kpiAttainment", label: "report.chart.kpi", colour: "#2f5d9e" },
] as const;

export function ReportChart({ rows, caption, tableId }: { rows: ReportChartRow[]; caption: string; tableId: string }) {
  const { t, tEnum, percent } = useI18n();
  const id = useId();
  const plotW = WIDTH - PAD_LEFT - PAD_RIGHT;
  const rowH = LABEL_H + SERIES.length * (BAR_H + BAR_GAP) + ROW_GAP;
  const height = AXIS_H + rows.length * rowH;
  const x = (share: number) => PAD_LEFT + Math.max(0, Math.min(1, share)) * plotW;
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? t("report.chart.noValue") : percent(v));
  return (
    <figure className="chart" data-testid="performance-chart">
      <figcaption className="chart-caption">{caption}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.colour }} />
            {t(s.label)}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" role="img" aria-labelledby={`${id}-title ${id}-desc`}
        aria-describedby={tableId} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>
          {rows
            .map((r) => t("report.chart.rowSummary", { field: tEnum("fieldName", r.field), completion: shown(r.completionRate), kpi: shown(r.kpiAttainment) }))
            .join(" ")}
        </desc>
        <g className="axis" aria-hidden="true">
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={AXIS_H - 4} y2={height - ROW_GAP} className="grid" />
              <text x={x(v)} y={AXIS_H - 8} textAnchor={v === 0 ? "start" : v === 1 ? "end" : "middle"} className="tick">
                {percent(v)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((r, i) => {
          const top = AXIS_H + i * rowH;
          return (
            <g key={r.field} data-field={r.field}>
              <text x={PAD_LEFT} y={top + LABEL_H - 6} className="row-label">
                {tEnum("fieldName", r.field)}
              </text>
              {SERIES.map((s, j) => {
                const value = r[s.key];
                const y = top + LABEL_H + j * (BAR_H + BAR_GAP);
                const end = value === null || value === undefined ? PAD_LEFT : x(value);
                return (
                  <g key={s.key} data-series={s.key} data-value={value ?? ""}>
                    <rect x={PAD_LEFT} y={y} width={plotW} height={BAR_H} className="track" />
                    <rect x={PAD_LEFT} y={y} width={Math.max(0, end - PAD_LEFT)} height={BAR_H} fill={s.colour}>
                      <title>{`${tEnum("fieldName", r.field)} · ${t(s.label)}: ${shown(value)}`}</title>
                    </rect>
                    <text x={end + 6} y={y + BAR_H - 3} className="row-total">
                      {shown(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
