import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./DataTable";

// Static markup, as in forms/Field.test.tsx: the table is what a screen reader walks through.
describe("a list table", () => {
  it("gives every header a column scope, shows the caption and the rows, scrolls and announces", () => {
    const html = renderToStaticMarkup(
      <DataTable testId="t" caption="2명" columns={["이름", { label: "지지", className: "num" }]} live>
        <tr><td>정다은</td><td>3</td></tr>
      </DataTable>,
    );
    expect(html).toBe(
      '<div class="table-scroll" aria-live="polite"><table data-testid="t"><caption>2명</caption>' +
        '<thead><tr><th scope="col">이름</th><th scope="col" class="num">지지</th></tr></thead>' +
        "<tbody><tr><td>정다은</td><td>3</td></tr></tbody></table></div>",
    );
  });

  it("hides a caption or a header's text from sight only, and can leave out the scroll box", () => {
    const html = renderToStaticMarkup(
      <DataTable testId="t" className="action-items" caption="실행 과제" captionHidden scroll={false}
        columns={[{ label: "동작", hiddenLabel: true }]}>
        <tr><td>완료</td></tr>
      </DataTable>,
    );
    expect(html).toBe(
      '<table class="action-items" data-testid="t"><caption class="visually-hidden">실행 과제</caption>' +
        '<thead><tr><th scope="col"><span class="visually-hidden">동작</span></th></tr></thead>' +
        "<tbody><tr><td>완료</td></tr></tbody></table>",
    );
  });
});
