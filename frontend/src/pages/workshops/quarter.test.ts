import { describe, expect, it } from "vitest";
import {
  cityDate,
  currentQuarter,
  dateInQuarter,
  defaultWorkshopDate,
  isOverdue,
  nextQuarter,
  parseYearQuarter,
  previousQuarter,
  quarterOfDate,
  quarterRange,
  yearOptions,
} from "./quarter";

const params = (q: string) => new URLSearchParams(q);

describe("quarters in Seoul", () => {
  it("takes the date in Seoul, not UTC", () => {
    // 2026-03-31 20:00 UTC is already 1 April in Seoul: the second quarter.
    const instant = new Date("2026-03-31T20:00:00Z");
    expect(cityDate(instant)).toBe("2026-04-01");
    expect(currentQuarter(instant)).toEqual({ year: 2026, quarter: 2 });
    expect(currentQuarter(new Date("2026-12-31T14:59:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(currentQuarter(new Date("2026-12-31T15:00:00Z"))).toEqual({ year: 2027, quarter: 1 });
  });

  it("steps between quarters across years", () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
    expect(nextQuarter({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
  });

  it("knows a quarter's first and last day", () => {
    expect(quarterRange({ year: 2024, quarter: 1 })).toEqual({ first: "2024-01-01", last: "2024-03-31" });
    expect(quarterRange({ year: 2026, quarter: 2 })).toEqual({ first: "2026-04-01", last: "2026-06-30" });
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({ first: "2026-10-01", last: "2026-12-31" });
    expect(quarterOfDate("2026-09-30")).toEqual({ year: 2026, quarter: 3 });
    expect(dateInQuarter("2026-10-01", { year: 2026, quarter: 4 })).toBe(true);
    expect(dateInQuarter("2026-10-01", { year: 2026, quarter: 3 })).toBe(false);
  });

  it("defaults a new workshop's date to today when today is in the quarter", () => {
    expect(defaultWorkshopDate({ year: 2026, quarter: 4 }, "2026-11-25")).toBe("2026-11-25");
    expect(defaultWorkshopDate({ year: 2027, quarter: 1 }, "2026-11-25")).toBe("2027-01-01");
  });

  it("reads year and quarter from the URL, falling back to the current quarter", () => {
    const now = { year: 2026, quarter: 4 };
    expect(parseYearQuarter(params(""), now)).toEqual({ year: 2026, quarter: 4 });
    expect(parseYearQuarter(params("year=2025&quarter=2"), now)).toEqual({ year: 2025, quarter: 2 });
    expect(parseYearQuarter(params("year=abc&quarter=9"), now)).toEqual({ year: 2026, quarter: 4 });
    expect(parseYearQuarter(params("year=2025&quarter=all"), now)).toEqual({ year: 2025, quarter: 4 });
    expect(parseYearQuarter(params("year=2025&quarter=all"), now, true)).toEqual({ year: 2025, quarter: null });
  });

  it("offers years around now and keeps the selected one", () => {
    expect(yearOptions(2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(yearOptions(2026, 2019)).toEqual([2027, 2026, 2025, 2024, 2023, 2019]);
  });

  it("flags what is past due and not done", () => {
    expect(isOverdue("2026-11-24", false, "2026-11-25")).toBe(true);
    expect(isOverdue("2026-11-25", false, "2026-11-25")).toBe(false);
    expect(isOverdue("2026-11-24", true, "2026-11-25")).toBe(false);
  });
});
