import { describe, expect, it } from "vitest";
import type { AgendaStatus } from "../../gql/graphql";
import { supportRefusal } from "./supportRules";

const agenda = (status: AgendaStatus, proposerId = "1") => ({ status, proposer: { id: proposerId } });

describe("who may support an agenda", () => {
  it("lets a citizen support someone else's open agenda", () => {
    for (const status of ["IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS"] as const) {
      expect(supportRefusal(agenda(status), "2"), status).toBeNull();
    }
  });

  it("never lets a proposer support their own agenda, whatever its status", () => {
    expect(supportRefusal(agenda("IN_TRIAGE", "7"), "7")).toBe("OWN");
    expect(supportRefusal(agenda("MERGED", "7"), "7")).toBe("OWN");
  });

  it("refuses merged, rejected, completed and not yet triaged agendas, naming the status", () => {
    expect(supportRefusal(agenda("MERGED"), "2")).toBe("MERGED");
    expect(supportRefusal(agenda("REJECTED"), "2")).toBe("REJECTED");
    expect(supportRefusal(agenda("COMPLETED"), "2")).toBe("COMPLETED");
    expect(supportRefusal(agenda("SUBMITTED"), "2")).toBe("SUBMITTED");
  });

  it("does not take an agenda without a known proposer for the viewer's own", () => {
    expect(supportRefusal({ status: "ACCEPTED", proposer: null }, "2")).toBeNull();
  });
});
