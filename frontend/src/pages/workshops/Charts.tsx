// Hand-written SVG charts of the progress dashboard. Each is an image with an accessible name and
// description, values written on the bars (never colour alone), a legend with totals, and the same
// numbers as a data table for screen readers and anyone who prefers reading.
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n";
import {
  STATUS_COLOURS,
  labelFits,
  niceMax,
  placeSegments,
  statusTotals,
  statusesPresent,
  ticks,
  type StackedRow,
} from "./chart";

const DEFAULT_WIDTH = 720;
const MIN_WIDTH = 280;
const MAX_WIDTH = 832;

/** The figure's width in CSS pixels, so the SVG draws at 1:1 and its text keeps its size on phones. */
function useChartWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const update = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w)));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
const PAD_LEFT = 8;
const PAD_RIGHT = 56; // room for the row total
const BAR_H = 24;
const LABEL_H = 20;
const ROW_GAP = 14;
const AXIS_H = 22;

export function StatusByFieldChart({ rows, caption }: { rows: StackedRow[]; caption: string }) {
  const { t, tEnum, number } = useI18n();
  const id = useId();
  const { ref, width: WIDTH } = useChartWidth();
  const statuses = statusesPresent(rows);
  const totals = statusTotals(rows);
  const grand = rows.reduce((n, r) => n + r.total, 0);
  const max = niceMax(Math.max(0, ...rows.map((r) => r.total)));
  const plotW = WIDTH - PAD_LEFT - PAD_RIGHT;
  const rowH = LABEL_H + BAR_H + ROW_GAP;
  const height = AXIS_H + rows.length * rowH;
  const x = (v: number) => PAD_LEFT + (v / max) * plotW;

  return (
    <figure className="chart" data-testid="status-by-field-chart" data-total={grand} ref={ref}>
      <figcaption id={`${id}-cap`} className="chart-caption">
        {caption}
      </figcaption>
      <ul className="chart-legend" aria-label={t("progress.chart.legend")}>
        {statuses.map((s) => (
          <li key={s} data-status={s}>
            <span className="swatch" style={{ background: STATUS_COLOURS[s] ?? "#5b6470" }} aria-hidden="true" />
            {tEnum("status", s)} <span className="legend-count">{number(totals.get(s) ?? 0)}</span>
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>
          {rows
            .map((r) =>
              t("progress.chart.rowSummary", {
                field: tEnum("fieldName", r.field),
                total: r.total,
                parts: r.segments.map((s) => `${tEnum("status", s.status)} ${number(s.count)}`).join(", ") || t("common.none"),
              }),
            )
            .join(" ")}
        </desc>
        <g className="axis" aria-hidden="true">
          {ticks(max).map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={AXIS_H - 4} y2={height - ROW_GAP} className="grid" />
              <text x={x(v)} y={AXIS_H - 8} textAnchor={v === 0 ? "start" : v === max ? "end" : "middle"} className="tick">
                {number(v)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((r, i) => {
          const top = AXIS_H + i * rowH;
          const placed = placeSegments(r.segments, max, plotW);
          return (
            <g key={r.field} data-field={r.field} data-total={r.total}>
              <text x={PAD_LEFT} y={top + LABEL_H - 6} className="row-label">
                {tEnum("fieldName", r.field)}
              </text>
              <rect x={PAD_LEFT} y={top + LABEL_H} width={plotW} height={BAR_H} className="track" />
              {placed.map((s) => {
                const text = number(s.count);
                return (
                  <g key={s.status} data-status={s.status} data-count={s.count}>
                    <rect
                      x={PAD_LEFT + s.x}
                      y={top + LABEL_H}
                      width={Math.max(0, s.width)}
                      height={BAR_H}
                      fill={STATUS_COLOURS[s.status] ?? "#5b6470"}
                      className="segment"
                    >
                      <title>{`${tEnum("fieldName", r.field)} · ${tEnum("status", s.status)}: ${text}`}</title>
                    </rect>
                    {labelFits(text, s.width) && (
                      <text x={PAD_LEFT + s.x + s.width / 2} y={top + LABEL_H + BAR_H / 2 + 4} textAnchor="middle" className="segment-label">
                        {text}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={PAD_LEFT + (placed.at(-1) ? placed.at(-1)!.x + placed.at(-1)!.width : 0) + 6} y={top + LABEL_H + BAR_H / 2 + 5} className="row-total">
                {number(r.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-data">
        <summary>{t("progress.chart.showTable")}</summary>
        <div className="table-scroll">
          <table data-testid="status-by-field-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progress.field")}</th>
                {statuses.map((s) => (
                  <th key={s} scope="col" className="num">
                    {tEnum("status", s)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("progress.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.field} data-field={r.field}>
                  <th scope="row">{tEnum("fieldName", r.field)}</th>
                  {statuses.map((s) => (
                    <td key={s} className="num" data-status={s}>
                      {number(r.segments.find((x) => x.status === s)?.count ?? 0)}
                    </td>
                  ))}
                  <td className="num" data-total>
                    {number(r.total)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("progress.total")}</th>
                {statuses.map((s) => (
                  <td key={s} className="num">
                    {number(totals.get(s) ?? 0)}
                  </td>
                ))}
                <td className="num">{number(grand)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Horizontal bars of a percentage per row (average plan progress per field). */
export function PercentBarChart({
  rows,
  caption,
  tableId,
  testId,
}: {
  rows: { key: string; label: string; value: number }[];
  caption: string;
  /** The id of the table holding the same numbers (the text alternative). */
  tableId: string;
  testId: string;
}) {
  const { t, number } = useI18n();
  const id = useId();
  const { ref, width: WIDTH } = useChartWidth();
  const plotW = WIDTH - PAD_LEFT - PAD_RIGHT;
  const rowH = LABEL_H + BAR_H + ROW_GAP;
  const height = AXIS_H + rows.length * rowH;
  const x = (v: number) => PAD_LEFT + (v / 100) * plotW;
  return (
    <figure className="chart" data-testid={testId} ref={ref}>
      <figcaption className="chart-caption">{caption}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        aria-describedby={tableId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{rows.map((r) => `${r.label} ${number(r.value)}%`).join(", ")}</desc>
        <g className="axis" aria-hidden="true">
          {ticks(100, 4).map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={AXIS_H - 4} y2={height - ROW_GAP} className="grid" />
              <text x={x(v)} y={AXIS_H - 8} textAnchor={v === 0 ? "start" : v === 100 ? "end" : "middle"} className="tick">
                {t("progress.percentValue", { pct: v })}
              </text>
            </g>
          ))}
        </g>
        {rows.map((r, i) => {
          const top = AXIS_H + i * rowH;
          const w = (Math.max(0, Math.min(100, r.value)) / 100) * plotW;
          return (
            <g key={r.key} data-key={r.key} data-value={r.value}>
              <text x={PAD_LEFT} y={top + LABEL_H - 6} className="row-label">
                {r.label}
              </text>
              <rect x={PAD_LEFT} y={top + LABEL_H} width={plotW} height={BAR_H} className="track" />
              <rect x={PAD_LEFT} y={top + LABEL_H} width={w} height={BAR_H} className="bar" />
              <text x={PAD_LEFT + w + 6} y={top + LABEL_H + BAR_H / 2 + 5} className="row-total">
                {t("progress.percentValue", { pct: r.value })}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
