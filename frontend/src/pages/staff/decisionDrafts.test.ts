import { describe, expect, it } from "vitest";
import { decisionReason, decisionReducer, initialDecisionState, validateDecision } from "./decisionDrafts";

describe("triage decision drafts", () => {
  it("keep what an official typed for one decision while they look at another", () => {
    let state = initialDecisionState("DEPARTMENT");
    state = decisionReducer(state, { type: "choose", choice: "REJECT" });
    state = decisionReducer(state, { type: "edit", patch: { rejectReason: "예산 범위를 벗어납니다 💸" } });
    state = decisionReducer(state, { type: "choose", choice: "NEEDS_INFO" });
    state = decisionReducer(state, { type: "edit", patch: { question: "어느 동네인가요?" } });
    state = decisionReducer(state, { type: "choose", choice: "REJECT" });
    expect(state.choice).toBe("REJECT");
    expect(state.drafts.rejectReason).toBe("예산 범위를 벗어납니다 💸");
    expect(state.drafts.question).toBe("어느 동네인가요?");
  });

  it("forget the previous decision's complaints when another decision is chosen", () => {
    let state = decisionReducer(initialDecisionState("DEPARTMENT"), { type: "choose", choice: "REJECT" });
    state = decisionReducer(state, { type: "refuse", errors: validateDecision("REJECT", state.drafts) });
    expect(state.local).toEqual({ reason: "triage.error.rejectReason" });
    state = decisionReducer(state, { type: "choose", choice: "ACCEPT" });
    expect(state.local).toEqual({});
  });

  it("reroute by default to where the agenda is not", () => {
    expect(initialDecisionState("INNOVATION_OFFICER").drafts.rerouteKind).toBe("DEPARTMENT");
    expect(initialDecisionState("DEPARTMENT").drafts.rerouteKind).toBe("INNOVATION_OFFICER");
    expect(initialDecisionState(null).drafts.rerouteKind).toBe("INNOVATION_OFFICER");
  });

  it("refuse a rejection, a question or a reroute without its reason, and a merge without a target", () => {
    const d = initialDecisionState("DEPARTMENT").drafts;
    expect(validateDecision("ACCEPT", d)).toEqual({});
    expect(validateDecision("REJECT", { ...d, rejectReason: "   " })).toEqual({ reason: "triage.error.rejectReason" });
    expect(validateDecision("NEEDS_INFO", d)).toEqual({ reason: "triage.error.question" });
    expect(validateDecision("MERGE", d)).toEqual({ mergeIntoId: "triage.error.mergeTarget" });
    expect(validateDecision("MERGE", { ...d, mergeTarget: { id: "7", title: "輪椅 경사로" } })).toEqual({});
    expect(validateDecision("REROUTE", { ...d, rerouteKind: "DEPARTMENT" })).toEqual({
      departmentCode: "triage.error.department",
      reason: "triage.error.rerouteReason",
    });
    expect(validateDecision("REROUTE", { ...d, rerouteKind: "INNOVATION_OFFICER", rerouteReason: "담당 부서 아님" })).toEqual({});
  });

  it("send the chosen decision's own reason, trimmed, or none", () => {
    const d = { ...initialDecisionState("DEPARTMENT").drafts, note: "  좋습니다 ", rejectReason: "중복", mergeReason: "" };
    expect(decisionReason("ACCEPT", d)).toBe("좋습니다");
    expect(decisionReason("REJECT", d)).toBe("중복");
    expect(decisionReason("MERGE", d)).toBeNull();
  });
});
