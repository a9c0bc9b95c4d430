// Where an agenda stands against its answer deadline, from the API's facts: due by a date with
// working days left, stopped while the proposer is asked for information, or overdue. Once decided
// it owes no answer, so nothing is shown.
export type DeadlineFacts = {
  status: string;
  answerDueAt?: string | null;
  answerWorkingDaysLeft?: number | null;
  overdue: boolean;
};

export type Deadline =
  | { kind: "overdue"; dueAt: string | null }
  | { kind: "due"; dueAt: string; daysLeft: number }
  | { kind: "paused"; daysLeft: number }
  | null;

const AWAITING_DECISION = new Set(["SUBMITTED", "IN_TRIAGE", "NEEDS_INFO"]);

export function deadlineOf(a: DeadlineFacts): Deadline {
  if (!AWAITING_DECISION.has(a.status)) return null;
  if (a.overdue) return { kind: "overdue", dueAt: a.answerDueAt ?? null };
  if (a.status === "NEEDS_INFO") {
    return a.answerWorkingDaysLeft == null ? null : { kind: "paused", daysLeft: a.answerWorkingDaysLeft };
  }
  if (!a.answerDueAt) return null;
  return { kind: "due", dueAt: a.answerDueAt, daysLeft: Math.max(0, a.answerWorkingDaysLeft ?? 0) };
}
