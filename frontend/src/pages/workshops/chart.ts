// The arithmetic behind the dashboard's hand-written SVG charts: folding the API's status × field ×
// department counts into stacked bars, a "nice" axis, and colours that keep WCAG contrast.

export const FIELD_ORDER = [
  "DISTRIBUTION",
  "LIVING_CULTURE_SPACE",
  "JOBS",
  "HOUSING_SAFETY",
  "PARTICIPATION_PUBLIC_SERVICE",
] as const;

/** Lifecycle order: how a stacked bar reads from left to right. */
export const STATUS_ORDER = [
  "SUBMITTED",
  "IN_TRIAGE",
  "NEEDS_INFO",
  "ACCEPTED",
  "IN_PROGRESS",
  "COMPLETED",
  "REJECTED",
  "MERGED",
] as const;

/** Segment fills: each carries white text at ≥ 4.5:1 and stands out from the white page at ≥ 3:1. */
export const STATUS_COLOURS: Record<string, string> = {
  SUBMITTED: "#5b6470",
  IN_TRIAGE: "#8a5300",
  NEEDS_INFO: "#a8390b",
  ACCEPTED: "#1d5fb4",
  IN_PROGRESS: "#00706b",
  COMPLETED: "#1e6b3a",
  REJECTED: "#b3261e",
  MERGED: "#6b3fa0",
};

export type CountRow = { status: string; field: string; departmentCode?: string | null; count: number };
export type Segment = { status: string; count: number };
export type StackedRow = { field: string; total: number; segments: Segment[] };

/**
 * Sums the counts per field and status (over departments, or for one department when given;
 * `departmentCode === ""` means agendas the officer owns, i.e. no department). Every field of
 * `fields` gets a row, even an empty one; statuses appear in `statuses` order, zero counts dropped.
 */
export function stackByField(
  counts: CountRow[],
  options: { fields?: readonly string[]; statuses?: readonly string[]; departmentCode?: string | null } = {},
): StackedRow[] {
  const fields = options.fields ?? FIELD_ORDER;
  const statuses = options.statuses ?? STATUS_ORDER;
  const dept = options.departmentCode;
  const sums = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (dept !== undefined && dept !== null && (c.departmentCode ?? "") !== dept) continue;
    const byStatus = sums.get(c.field) ?? new Map<string, number>();
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.count);
    sums.set(c.field, byStatus);
  }
  const extraFields = [...sums.keys()].filter((f) => !fields.includes(f)).sort();
  return [...fields, ...extraFields].map((field) => {
    const byStatus = sums.get(field) ?? new Map<string, number>();
    const extraStatuses = [...byStatus.keys()].filter((s) => !statuses.includes(s)).sort();
    const segments = [...statuses, ...extraStatuses]
      .map((status) => ({ status, count: byStatus.get(status) ?? 0 }))
      .filter((s) => s.count > 0);
    return { field, total: segments.reduce((n, s) => n + s.count, 0), segments };
  });
}

/** Statuses that occur anywhere in the rows, in lifecycle order (the legend and table columns). */
export function statusesPresent(rows: StackedRow[], statuses: readonly string[] = STATUS_ORDER): string[] {
  const seen = new Set(rows.flatMap((r) => r.segments.map((s) => s.status)));
  return [...statuses.filter((s) => seen.has(s)), ...[...seen].filter((s) => !statuses.includes(s)).sort()];
}

/** Total per status over all rows. */
export function statusTotals(rows: StackedRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) for (const s of r.segments) totals.set(s.status, (totals.get(s.status) ?? 0) + s.count);
  return totals;
}

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above n; at least 1. */
export function niceMax(n: number): number {
  if (!(n > 0)) return 1;
  const exp = Math.floor(Math.log10(n));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * base;
    if (candidate >= n - 1e-9) return candidate;
  }
  return 10 * base;
}

/** Evenly spaced axis ticks from 0 to max (inclusive), whole numbers when max allows it. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  let step = max / count;
  if (Number.isInteger(max) && !Number.isInteger(step)) {
    // choose the largest divisor of max not above count steps, so ticks stay whole
    let n = count;
    while (n > 1 && max % n !== 0) n--;
    step = max / n;
  }
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

export type PlacedSegment = Segment & { x: number; width: number };

/** Places a row's segments along [0, width] scaled to `max`. Widths sum to the bar's length. */
export function placeSegments(segments: Segment[], max: number, width: number): PlacedSegment[] {
  const scale = max > 0 ? width / max : 0;
  let x = 0;
  return segments.map((s) => {
    const w = s.count * scale;
    const placed = { ...s, x, width: w };
    x += w;
    return placed;
  });
}

/** Whether a value label of `text` fits inside a segment `width` px wide (about 7 px a digit). */
export function labelFits(text: string, width: number, charWidth = 7, padding = 6): boolean {
  return width >= text.length * charWidth + padding;
}

// WCAG relative luminance and contrast ratio, for the palette's test.
function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const h = hex.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
