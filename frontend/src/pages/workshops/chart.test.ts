import { describe, expect, it } from "vitest";
import {
  STATUS_COLOURS,
  STATUS_ORDER,
  contrast,
  labelFits,
  niceMax,
  placeSegments,
  stackByField,
  statusTotals,
  statusesPresent,
  ticks,
} from "./chart";

const counts = [
  { status: "IN_PROGRESS", field: "JOBS", departmentCode: "ECON", count: 3 },
  { status: "IN_PROGRESS", field: "JOBS", departmentCode: "WELFARE", count: 2 },
  { status: "SUBMITTED", field: "JOBS", departmentCode: null, count: 1 },
  { status: "COMPLETED", field: "DISTRIBUTION", departmentCode: "ECON", count: 4 },
];

describe("stackByField", () => {
  it("sums departments per field and status, in lifecycle order, with every field present", () => {
    const rows = stackByField(counts);
    expect(rows.map((r) => r.field)).toEqual([
      "DISTRIBUTION",
      "LIVING_CULTURE_SPACE",
      "JOBS",
      "HOUSING_SAFETY",
      "PARTICIPATION_PUBLIC_SERVICE",
    ]);
    const jobs = rows.find((r) => r.field === "JOBS")!;
    expect(jobs.segments).toEqual([
      { status: "SUBMITTED", count: 1 },
      { status: "IN_PROGRESS", count: 5 },
    ]);
    expect(jobs.total).toBe(6);
    expect(rows.find((r) => r.field === "HOUSING_SAFETY")).toEqual({ field: "HOUSING_SAFETY", total: 0, segments: [] });
  });

  it("filters to one department, or to the officer's agendas with an empty code", () => {
    expect(stackByField(counts, { departmentCode: "ECON" }).find((r) => r.field === "JOBS")!.total).toBe(3);
    expect(stackByField(counts, { departmentCode: "" }).find((r) => r.field === "JOBS")!.segments).toEqual([
      { status: "SUBMITTED", count: 1 },
    ]);
  });

  it("keeps unknown fields and statuses rather than dropping counts", () => {
    const rows = stackByField([{ status: "NEW_STATE", field: "NEW_FIELD", count: 2 }]);
    expect(rows.at(-1)).toEqual({ field: "NEW_FIELD", total: 2, segments: [{ status: "NEW_STATE", count: 2 }] });
  });

  it("lists present statuses and their totals", () => {
    const rows = stackByField(counts);
    expect(statusesPresent(rows)).toEqual(["SUBMITTED", "IN_PROGRESS", "COMPLETED"]);
    expect(Object.fromEntries(statusTotals(rows))).toEqual({ SUBMITTED: 1, IN_PROGRESS: 5, COMPLETED: 4 });
  });
});

describe("axis", () => {
  it("rounds up to nice numbers", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(22)).toBe(25);
    expect(niceMax(260)).toBe(500);
  });

  it("makes whole-number ticks", () => {
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(0)).toEqual([0]);
    expect(ticks(100, 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it("places segments end to end in proportion", () => {
    const placed = placeSegments([{ status: "A", count: 1 }, { status: "B", count: 3 }], 8, 400);
    expect(placed).toEqual([
      { status: "A", count: 1, x: 0, width: 50 },
      { status: "B", count: 3, x: 50, width: 150 },
    ]);
    expect(labelFits("12", 20)).toBe(true);
    expect(labelFits("123", 20)).toBe(false);
  });
});

describe("palette", () => {
  it("gives every status a fill that carries white text at 4.5:1 (and so stands out from white)", () => {
    for (const s of STATUS_ORDER) expect(contrast(STATUS_COLOURS[s], "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
  it("computes contrast like WCAG", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
