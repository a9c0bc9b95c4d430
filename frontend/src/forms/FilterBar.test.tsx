import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterBar, FilterCheck, FilterSearch, FilterSelect } from "./FilterBar";

const render = (el: React.ReactElement) => renderToStaticMarkup(el).replace(/<!-- -->/g, "");
const noop = () => {};

describe("a list page's filter bar", () => {
  it("is a named search form with its button when filters apply on sending", () => {
    const html = render(
      <FilterBar label="사용자 찾기" onSearch={noop} searchLabel="찾기" searchTestId="users-search">
        <FilterSearch label="이름 또는 이메일" value="김" onChange={noop} testId="users-query" />
      </FilterBar>,
    );
    expect(html).toMatch(/^<form class="filters" role="search" aria-label="사용자 찾기">/);
    expect(html).toContain('<button type="submit" class="button" data-testid="users-search">찾기</button>');
    expect(html).toContain('<label>이름 또는 이메일 <input type="search" maxLength="100" data-testid="users-query" value="김"/></label>');
  });

  it("is a named group when filters apply as they change", () => {
    const html = render(
      <FilterBar label="기록 거르기">
        <FilterSelect label="작업" value="B" onChange={noop} anyLabel="모든 작업" testId="audit-action"
          options={[{ value: "A", label: "사용자 변경" }, { value: "B", label: "직원 초대" }]} />
      </FilterBar>,
    );
    expect(html).toMatch(/^<div class="toolbar" role="group" aria-label="기록 거르기">/);
    // "any" comes first with the empty value; the control sits inside its label (found by its name).
    expect([...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]])).toEqual([
      ["", "모든 작업"], ["A", "사용자 변경"], ["B", "직원 초대"],
    ]);
    expect(html).toMatch(/<option value="B" selected="">직원 초대<\/option>/);
    expect(html).toMatch(/<label>작업 <select data-testid="audit-action">/);
  });

  it("holds a yes/no filter and other tools without a name of its own", () => {
    const html = render(
      <FilterBar>
        <FilterCheck label="읽지 않은 알림만" checked onChange={noop} testId="unread-only" />
        <button type="button">모두 읽음</button>
      </FilterBar>,
    );
    expect(html).toMatch(/^<div class="toolbar">/);
    expect(html).toContain('<label class="inline-check"><input type="checkbox" data-testid="unread-only" checked=""/> 읽지 않은 알림만</label>');
  });
});
