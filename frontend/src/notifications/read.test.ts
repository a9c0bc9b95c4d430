import { describe, expect, it } from "vitest";
import { markRead } from "./read";

const rows = [
  { id: "1", readAt: null },
  { id: "2", readAt: "2026-11-20T01:00:00Z" },
  { id: "3", readAt: null },
];

describe("marking notifications read on the page", () => {
  it("marks the one opened, leaving the others", () => {
    expect(markRead(rows, ["3"], "NOW").map((r) => r.readAt)).toEqual([null, "2026-11-20T01:00:00Z", "NOW"]);
  });

  it("marks every unread one for 모두 읽음, keeping when the others were read", () => {
    expect(markRead(rows, null, "NOW").map((r) => r.readAt)).toEqual(["NOW", "2026-11-20T01:00:00Z", "NOW"]);
  });
});
