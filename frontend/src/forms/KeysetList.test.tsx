import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NetworkError } from "../api/client";
import { I18nProvider } from "../i18n";
import { KeysetList, type KeysetListState } from "./KeysetList";

// Static markup, as in Field.test.tsx: the list's states are what a reader sees before any click.
type Row = { id: string; name: string };
const list = (over: Partial<KeysetListState<Row>> = {}): KeysetListState<Row> => ({
  rows: [], loaded: true, error: undefined, hasNext: false, loadingMore: false, moreError: undefined,
  more: async () => {}, refetch: () => {}, ...over,
});
const render = (state: KeysetListState<Row>) =>
  renderToStaticMarkup(
    <I18nProvider>
      <KeysetList list={state} empty="아직 알림이 없습니다." moreTestId="notifications-more">
        {(rows) => (
          <ul data-testid="rows">
            {rows.map((r) => (
              <li key={r.id}>{r.name}</li>
            ))}
          </ul>
        )}
      </KeysetList>
    </I18nProvider>,
  ).replace(/<!-- -->/g, "");
const moreButton = (html: string) => html.match(/<button[^>]*data-testid="notifications-more"[^>]*>([^<]*)<\/button>/);

describe("a keyset-paged list", () => {
  it("says it is loading until the first page arrives, and offers no 'more' yet", () => {
    const html = render(list({ loaded: false, hasNext: true }));
    expect(html).toContain('role="status"');
    expect(html).toContain("불러오는 중");
    expect(moreButton(html)).toBeNull();
  });

  it("says so when there is nothing, in the page's own words", () => {
    const html = render(list());
    expect(html).toContain('<p class="state state-empty">아직 알림이 없습니다.</p>');
    expect(html).not.toContain('data-testid="rows"');
  });

  it("shows the rows and '더 보기' while there are more pages", () => {
    const html = render(list({ rows: [{ id: "1", name: "첫 알림" }], hasNext: true }));
    expect(html).toContain("<li>첫 알림</li>");
    expect(moreButton(html)?.[1]).toBe("더 보기");
    expect(moreButton(html)?.[0]).not.toContain("disabled");
  });

  it("disables '더 보기' and says it is loading while the next page comes", () => {
    const html = render(list({ rows: [{ id: "1", name: "첫 알림" }], hasNext: true, loadingMore: true }));
    expect(moreButton(html)?.[0]).toContain('disabled=""');
    expect(moreButton(html)?.[1]).toMatch(/불러오는 중/);
  });

  it("keeps the rows when 'more' failed and offers a retry; a failed first page shows only the error", () => {
    const more = render(list({ rows: [{ id: "1", name: "첫 알림" }], hasNext: true, moreError: new NetworkError("offline") }));
    expect(more).toContain("<li>첫 알림</li>");
    expect(more).toContain('role="alert"');
    const first = render(list({ loaded: false, error: new NetworkError("offline") }));
    expect(first).toContain('role="alert"');
    expect(first).not.toContain("불러오는 중");
  });
});
