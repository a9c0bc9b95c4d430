import { describe, expect, it } from "vitest";
import { describeChanges, hasVisibleChanges, nextExecutionStatus, triageDecisionsFor } from "./changes";

const base = {
  version: 3,
  status: "IN_TRIAGE",
  title: "버스 정류장 그늘막",
  body: "여름철 정류장에 그늘막을 설치해 주세요.",
  statusReason: null,
  updatedAt: "2026-03-01T00:00:00Z",
  owner: { kind: "DEPARTMENT", department: { code: "TRANSPORT", name: "교통실", nameEn: "Transport" } },
  mergedInto: null,
  history: [{ id: "1", kind: "PROPOSED", createdAt: "2026-02-01T00:00:00Z", actor: null }],
};

describe("describeChanges", () => {
  it("reports the status change, who made it and the unseen events", () => {
    const fresh = {
      ...base,
      version: 4,
      status: "ACCEPTED",
      updatedAt: "2026-03-02T00:00:00Z",
      history: [
        ...base.history,
        { id: "2", kind: "TRANSITION", fromStatus: "IN_TRIAGE", toStatus: "ACCEPTED", createdAt: "2026-03-02T00:00:00Z", actor: { displayName: "박민준", role: "STAFF" } },
      ],
    };
    const c = describeChanges(base, fresh);
    expect(c.status).toEqual({ from: "IN_TRIAGE", to: "ACCEPTED" });
    expect(c.newEvents.map((e) => e.id)).toEqual(["2"]);
    expect(c.lastActor?.displayName).toBe("박민준");
    expect(c.lastAt).toBe("2026-03-02T00:00:00Z");
    expect(c.owner).toBeUndefined();
    expect(c.title).toBeUndefined();
    expect(hasVisibleChanges(c)).toBe(true);
  });

  it("reports owner, title and body changes", () => {
    const fresh = {
      ...base,
      version: 5,
      title: "버스 정류장 그늘막 확대",
      body: "더 많은 정류장에.",
      owner: { kind: "INNOVATION_OFFICER", department: null },
    };
    const c = describeChanges(base, fresh);
    expect(c.owner?.to?.kind).toBe("INNOVATION_OFFICER");
    expect(c.title?.to).toBe("버스 정류장 그늘막 확대");
    expect(c.body?.from).toBe(base.body);
    expect(c.lastActor).toBeNull();
    expect(c.lastAt).toBe(base.updatedAt);
  });

  it("has nothing visible for a bare version bump", () => {
    expect(hasVisibleChanges(describeChanges(base, { ...base, version: 4 }))).toBe(false);
  });
});

describe("lifecycle helpers", () => {
  it("offers the decisions of the lifecycle table", () => {
    expect(triageDecisionsFor("IN_TRIAGE")).toEqual(["ACCEPT", "REJECT", "NEEDS_INFO", "MERGE"]);
    expect(triageDecisionsFor("NEEDS_INFO")).toEqual(["REJECT", "MERGE"]);
    expect(triageDecisionsFor("ACCEPTED")).toEqual([]);
    expect(nextExecutionStatus("ACCEPTED")).toBe("IN_PROGRESS");
    expect(nextExecutionStatus("IN_PROGRESS")).toBe("COMPLETED");
    expect(nextExecutionStatus("COMPLETED")).toBeNull();
  });
});
