import { describe, expect, it } from "vitest";
import { appendPage, keysetReducer, NO_PAGES, startState, type KeysetAction, type KeysetState, type Pages } from "./keysetPages";

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

type Row = { id: string };
const run = (actions: KeysetAction<Row>[], from: KeysetState<Row> = startState<Row>("0|all")) => actions.reduce(keysetReducer<Row>, from);
const ids = (s: KeysetState<Row>) => s.rows.map((r) => r.id);

describe("a keyset-paged list's state", () => {
  it("shows the first page, then appends the next one with its count", () => {
    const s = run([
      { type: "start", token: "0|all" },
      { type: "first", token: "0|all", page: { ...page(["5", "4"], true, "c4"), totalCount: 4 } },
      { type: "moreStart", token: "0|all" },
    ]);
    expect(s).toMatchObject({ loaded: true, loadingMore: true, endCursor: "c4", totalCount: 4 });
    const done = run([{ type: "more", token: "0|all", page: page(["3", "2"], false, null) }], s);
    expect(ids(done)).toEqual(["5", "4", "3", "2"]);
    expect(done).toMatchObject({ hasNext: false, loadingMore: false, totalCount: 4 });
  });

  it("drops a page that answers filters no longer shown", () => {
    const s = run([
      { type: "start", token: "0|all" },
      { type: "start", token: "0|unread" },
      { type: "first", token: "0|all", page: page(["9"], false, null) },
    ]);
    expect(s).toMatchObject({ loaded: false, rows: [] });
    const late = run([{ type: "first", token: "0|unread", page: page(["1"], false, null) }, { type: "more", token: "0|all", page: page(["8"], false, null) }], s);
    expect(ids(late)).toEqual(["1"]);
  });

  it("keeps what is shown when 'more' fails, and clears the failure on the next try", () => {
    const shown = run([{ type: "first", token: "0|all", page: page(["5"], true, "c5") }]);
    const failed = run([{ type: "moreStart", token: "0|all" }, { type: "moreFailed", token: "0|all", error: new Error("network") }], shown);
    expect(ids(failed)).toEqual(["5"]);
    expect(failed).toMatchObject({ loadingMore: false, hasNext: true, endCursor: "c5" });
    expect(failed.moreError?.message).toBe("network");
    expect(run([{ type: "moreStart", token: "0|all" }], failed).moreError).toBeUndefined();
  });

  it("starts over empty on a refetch, and a failed first page is an error, not an empty list", () => {
    const shown = run([{ type: "first", token: "0|all", page: page(["5"], false, null) }]);
    const again = run([{ type: "start", token: "1|all" }, { type: "failed", token: "1|all", error: new Error("500") }], shown);
    expect(again).toMatchObject({ loaded: false, rows: [], totalCount: null });
    expect(again.error?.message).toBe("500");
  });

  it("changes rows in place (marked read) without asking again", () => {
    const shown = run([{ type: "first", token: "0|all", page: page(["5", "4"], false, null) }]);
    expect(ids(run([{ type: "update", change: (rows) => rows.filter((r) => r.id !== "5") }], shown))).toEqual(["4"]);
  });
});
