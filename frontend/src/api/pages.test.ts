import { describe, expect, it } from "vitest";
import { appendPage, NO_PAGES, type Pages } from "./pages";

const page = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({
  edges: ids.map((id) => ({ node: { id } })),
  pageInfo: { hasNextPage, endCursor },
});

describe("a list that grows with 더 보기", () => {
  it("appends the next page and remembers where it ends", () => {
    const first = appendPage(NO_PAGES as Pages<{ id: string }>, page(["5", "4"], true, "c4"));
    const both = appendPage(first, page(["3", "2"], false, "c2"));
    expect(both).toEqual({ rows: [{ id: "5" }, { id: "4" }, { id: "3" }, { id: "2" }], hasNext: false, endCursor: "c2" });
  });

  it("does not repeat a row that slid onto the next page", () => {
    const first = appendPage(NO_PAGES as Pages<{ id: string }>, page(["5", "4"], true, "c4"));
    expect(appendPage(first, page(["4", "3"], false, "c3")).rows.map((r) => r.id)).toEqual(["5", "4", "3"]);
  });
});
