// Pieces the facilitators' pages share: the year/quarter selector kept in the URL, quarter and
// department labels, and the facts of a workshop.
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { useI18n, type MessageKey } from "../../i18n";
import { currentQuarter, nextQuarter, parseYearQuarter, previousQuarter, yearOptions, type YearQuarter } from "./quarter";

/** Year and quarter from the URL (default: the current quarter in Seoul), and a setter. */
export function useYearQuarter(allowWholeYear = false) {
  const [params, setParams] = useSearchParams();
  const now = currentQuarter();
  const { year, quarter } = parseYearQuarter(params, now, allowWholeYear);
  const set = (next: { year: number; quarter: number | null }) => {
    const p = new URLSearchParams(params);
    p.set("year", String(next.year));
    p.set("quarter", next.quarter === null ? "all" : String(next.quarter));
    setParams(p, { replace: false });
  };
  return { year, quarter, now, set };
}

/** Year and quarter selectors with previous/next buttons. */
export function QuarterPicker({
  year,
  quarter,
  now,
  onChange,
  allowWholeYear = false,
  idPrefix,
}: {
  year: number;
  quarter: number | null;
  now: YearQuarter;
  onChange: (next: { year: number; quarter: number | null }) => void;
  allowWholeYear?: boolean;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const step = (to: YearQuarter) => onChange(to);
  const current = { year, quarter: quarter ?? 1 };
  return (
    <div className="quarter-picker" role="group" aria-label={t("workshop.picker.label")}>
      <div className="form-row">
        <label htmlFor={`${idPrefix}-year`}>{t("workshop.picker.year")}</label>
        <select id={`${idPrefix}-year`} value={year} onChange={(e) => onChange({ year: Number(e.target.value), quarter })}>
          {yearOptions(now.year, year).map((y) => (
            <option key={y} value={y}>
              {t("workshop.picker.yearValue", { year: String(y) })}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${idPrefix}-quarter`}>{t("workshop.picker.quarter")}</label>
        <select
          id={`${idPrefix}-quarter`}
          value={quarter ?? "all"}
          onChange={(e) => onChange({ year, quarter: e.target.value === "all" ? null : Number(e.target.value) })}
        >
          {allowWholeYear && <option value="all">{t("workshop.picker.wholeYear")}</option>}
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("workshop.picker.quarterValue", { quarter: q })}
            </option>
          ))}
        </select>
      </div>
      {quarter !== null && (
        <div className="quarter-steps">
          <button type="button" className="button secondary" onClick={() => step(previousQuarter(current))}>
            <span aria-hidden="true">← </span>
            {t("workshop.picker.previous")}
          </button>
          <button type="button" className="button secondary" onClick={() => step(nextQuarter(current))}>
            {t("workshop.picker.next")}
            <span aria-hidden="true"> →</span>
          </button>
          {(year !== now.year || quarter !== now.quarter) && (
            <button type="button" className="link-button" onClick={() => step(now)}>
              {t("workshop.picker.current")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** "2026년 4분기" / "Q4 2026". */
export function useQuarterLabel() {
  const { t } = useI18n();
  return (year: number, quarter: number | null) =>
    quarter === null
      ? t("workshop.picker.yearValue", { year: String(year) })
      : t("workshop.quarterLabel", { year: String(year), quarter });
}

/** A department's name in the reader's language, from the lookups, or the code. */
export function useDepartmentName() {
  const { locale, t } = useI18n();
  return (
    code: string | null | undefined,
    departments: { code: string; name: string; nameEn: string }[] | undefined,
  ): string => {
    if (!code) return t("common.officer");
    const d = departments?.find((x) => x.code === code);
    return d ? (locale === "ko" ? d.name : d.nameEn) : code;
  };
}

/** "{count} items" with the catalogue's singular form (key + ".one") for exactly one. */
export function useCountText() {
  const { t } = useI18n();
  return (key: "workshop.people" | "workshop.items" | "workshop.list.count", count: number) =>
    t((count === 1 ? `${key}.one` : key) as MessageKey, { count });
}

/** When, where and by whom a workshop is held; `children` adds more facts to the same list. */
export function WorkshopFacts({
  workshop: w,
  children,
}: {
  workshop: { year: number; quarter: number; heldOn: string; place: string; facilitator?: { displayName: string } | null };
  children?: ReactNode;
}) {
  const { t, date } = useI18n();
  const quarterLabel = useQuarterLabel();
  return (
    <dl className="dl workshop-facts">
      <dt>{t("workshop.heldOn")}</dt>
      <dd>
        <time dateTime={w.heldOn}>{date(w.heldOn)}</time> ({quarterLabel(w.year, w.quarter)})
      </dd>
      <dt>{t("workshop.place")}</dt>
      <dd>{w.place}</dd>
      <dt>{t("workshop.facilitator")}</dt>
      <dd>{w.facilitator?.displayName ?? t("common.none")}</dd>
      {children}
    </dl>
  );
}
