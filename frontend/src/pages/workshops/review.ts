// The research team's review criteria (the API's ReviewScoresInput; stored scores use these keys).

export const CRITERIA = ["INNOVATION", "FEASIBILITY", "IMPACT", "CITIZEN_PARTICIPATION", "SUSTAINABILITY"] as const;
export type Criterion = (typeof CRITERIA)[number];

const INPUT_KEYS: Record<Criterion, string> = {
  INNOVATION: "innovation",
  FEASIBILITY: "feasibility",
  IMPACT: "impact",
  CITIZEN_PARTICIPATION: "citizenParticipation",
  SUSTAINABILITY: "sustainability",
};

/** Reads a review's `scores` JSON (keys INNOVATION… or the input's camelCase), keeping only 1–5. */
export function scoresFromJson(json: unknown): Partial<Record<Criterion, number>> {
  const out: Partial<Record<Criterion, number>> = {};
  if (!json || typeof json !== "object") return out;
  const obj = json as Record<string, unknown>;
  for (const c of CRITERIA) {
    const v = obj[c] ?? obj[INPUT_KEYS[c]];
    if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5) out[c] = v;
  }
  return out;
}

/** Mean of the scores given, or null when there are none. */
export function averageScore(scores: Partial<Record<Criterion, number>>): number | null {
  const values = CRITERIA.map((c) => scores[c]).filter((v): v is number => typeof v === "number");
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
