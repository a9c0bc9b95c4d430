import { describe, expect, it } from "vitest";
import { deadlineOf } from "./deadline";

const DUE = "2026-12-09T14:59:59+00:00";

describe("an agenda's answer deadline", () => {
  it("is a date with working days left while in triage", () => {
    expect(deadlineOf({ status: "IN_TRIAGE", answerDueAt: DUE, answerWorkingDaysLeft: 6, overdue: false })).toEqual({
      kind: "due",
      dueAt: DUE,
      daysLeft: 6,
    });
  });

  it("stops while the proposer is asked for information, keeping the days left", () => {
    expect(deadlineOf({ status: "NEEDS_INFO", answerDueAt: null, answerWorkingDaysLeft: 4, overdue: false })).toEqual({
      kind: "paused",
      daysLeft: 4,
    });
  });

  it("says overdue once passed, whatever days the clock shows", () => {
    expect(deadlineOf({ status: "IN_TRIAGE", answerDueAt: DUE, answerWorkingDaysLeft: 0, overdue: true })).toEqual({
      kind: "overdue",
      dueAt: DUE,
    });
  });

  it("is gone once decided, and absent when the server has none", () => {
    expect(deadlineOf({ status: "ACCEPTED", answerDueAt: null, answerWorkingDaysLeft: null, overdue: true })).toBeNull();
    expect(deadlineOf({ status: "REJECTED", answerDueAt: DUE, answerWorkingDaysLeft: 3, overdue: false })).toBeNull();
    expect(deadlineOf({ status: "IN_TRIAGE", answerDueAt: null, answerWorkingDaysLeft: null, overdue: false })).toBeNull();
  });
});
