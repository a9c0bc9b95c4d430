// The numbers behind the district map, kept apart from drawing so a test can hold the map to the
// facets it was given: one count per district code, buckets for the colours and the legend.
import { DISTRICT_SHAPES } from "./seoulDistrictShapes";

export type DistrictCount = { value: string; count: number };

/** Seoul's 25 district codes in the city's own order (as server/agendas/reference.py lists them). */
export const DISTRICT_CODES = Object.keys(DISTRICT_SHAPES);

/** A count for every district (0 where the facets have none); values that are not districts are ignored. */
export function countsByDistrict(facets: readonly DistrictCount[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(DISTRICT_CODES.map((code) => [code, 0]));
  for (const f of facets) if (f.value in out) out[f.value] += f.count;
  return out;
}

export const BUCKET_COLOURS = ["#f1f4f8", "#c6dbef", "#8fbfe0", "#3f88c5", "#0b4f8a"] as const;
/** White numbers on the two darkest fills, dark ones on the rest (contrast ≥ 4.5:1 both ways). */
export const BUCKET_INK = ["#1b1f24", "#1b1f24", "#1b1f24", "#ffffff", "#ffffff"] as const;

export type Bucket = { index: number; from: number; to: number };

/** Legend buckets: 0 alone, then up to four ranges of whole numbers up to the largest count. */
export function buckets(max: number): Bucket[] {
  const out: Bucket[] = [{ index: 0, from: 0, to: 0 }];
  if (max <= 0) return out;
  const steps = Math.min(4, max);
  let from = 1;
  for (let i = 1; i <= steps; i++) {
    const to = i === steps ? max : Math.max(from, Math.round((max * i) / steps));
    out.push({ index: i, from, to });
    from = to + 1;
    if (from > max) break;
  }
  return out;
}

export function bucketOf(count: number, legend: Bucket[]): number {
  return legend.find((b) => count >= b.from && count <= b.to)?.index ?? legend[legend.length - 1].index;
}
