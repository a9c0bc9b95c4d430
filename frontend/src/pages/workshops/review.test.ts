import { describe, expect, it } from "vitest";
import { averageScore, scoresFromJson } from "./review";

describe("review scores", () => {
  it("reads the stored keys and ignores anything out of range", () => {
    expect(scoresFromJson({ INNOVATION: 4, FEASIBILITY: 9, IMPACT: "3", citizenParticipation: 2 })).toEqual({
      INNOVATION: 4,
      CITIZEN_PARTICIPATION: 2,
    });
    expect(scoresFromJson(null)).toEqual({});
    expect(scoresFromJson("x")).toEqual({});
  });
  it("averages what was given", () => {
    expect(averageScore({ INNOVATION: 4, IMPACT: 2 })).toBe(3);
    expect(averageScore({})).toBeNull();
  });
});
