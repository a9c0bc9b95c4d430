import { describe, expect, it } from "vitest";
import { actorLabel } from "./actorLabel";

describe("a history event's author", () => {
  it("is named with the role once", () => {
    expect(actorLabel("김지우", "시민")).toBe("김지우 (시민)");
    expect(actorLabel("이혜진 (사회혁신담당관)", "사회혁신담당관")).toBe("이혜진 (사회혁신담당관)");
    expect(actorLabel("이혜진(사회혁신담당관)", "사회혁신담당관")).toBe("이혜진(사회혁신담당관)");
    expect(actorLabel("사회혁신담당관", "사회혁신담당관")).toBe("사회혁신담당관");
    expect(actorLabel("陳美玲", "")).toBe("陳美玲");
  });
});
