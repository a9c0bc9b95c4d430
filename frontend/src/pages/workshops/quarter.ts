// Quarter arithmetic on the city's calendar (Asia/Seoul), as the server's reports count quarters.

export type YearQuarter = { year: number; quarter: number };

export const CITY_TIME_ZONE = "Asia/Seoul";
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The calendar date (YYYY-MM-DD) of an instant in the city's time zone. */
export function cityDate(now: Date = new Date(), timeZone: string = CITY_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The quarter an ISO calendar date (YYYY-MM-DD) falls in. */
export function quarterOfDate(iso: string): YearQuarter {
  const [y, m] = iso.split("-").map(Number);
  return { year: y, quarter: quarterOfMonth(m) };
}

/** The current quarter in Seoul. */
export function currentQuarter(now: Date = new Date()): YearQuarter {
  return quarterOfDate(cityDate(now));
}

export function previousQuarter({ year, quarter }: YearQuarter): YearQuarter {
  return quarter > 1 ? { year, quarter: quarter - 1 } : { year: year - 1, quarter: 4 };
}

export function nextQuarter({ year, quarter }: YearQuarter): YearQuarter {
  return quarter < 4 ? { year, quarter: quarter + 1 } : { year: year + 1, quarter: 1 };
}

/** First and last calendar day of a quarter, as YYYY-MM-DD (for a date input's min/max). */
export function quarterRange({ year, quarter }: YearQuarter): { first: string; last: string } {
  const startMonth = 3 * (quarter - 1) + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { first: `${year}-${pad(startMonth)}-01`, last: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** Whether a calendar date falls in the quarter. */
export function dateInQuarter(iso: string, yq: YearQuarter): boolean {
  const q = quarterOfDate(iso);
  return q.year === yq.year && q.quarter === yq.quarter;
}

/** A sensible default date for a new workshop in a quarter: today if it falls inside, else the first day. */
export function defaultWorkshopDate(yq: YearQuarter, today: string = cityDate()): string {
  return dateInQuarter(today, yq) ? today : quarterRange(yq).first;
}

/** Years offered by a selector: a few around the current one, always including the selected one. */
export function yearOptions(current: number, selected?: number, before = 3, after = 1): number[] {
  const years = new Set<number>();
  for (let y = current - before; y <= current + after; y++) years.add(y);
  if (selected !== undefined) years.add(selected);
  return [...years].filter((y) => y >= MIN_YEAR && y <= MAX_YEAR).sort((a, b) => b - a);
}

/**
 * Reads year and quarter from URL parameters, falling back to the current quarter. With
 * `allowWholeYear`, a missing or "all" quarter means the whole year (quarter null) only when the
 * year was given explicitly.
 */
export function parseYearQuarter(
  params: { get(name: string): string | null },
  fallback: YearQuarter,
  allowWholeYear = false,
): { year: number; quarter: number | null } {
  const rawYear = params.get("year");
  const rawQuarter = params.get("quarter");
  const y = Number(rawYear);
  const year = rawYear !== null && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : fallback.year;
  const q = Number(rawQuarter);
  if (rawQuarter !== null && Number.isInteger(q) && q >= 1 && q <= 4) return { year, quarter: q };
  if (allowWholeYear && rawQuarter === "all") return { year, quarter: null };
  return { year, quarter: fallback.quarter };
}

/** Whether an action item or milestone is past due (and not done) on the given day. */
export function isOverdue(dueDate: string, done: boolean, today: string = cityDate()): boolean {
  return !done && dueDate < today;
}
