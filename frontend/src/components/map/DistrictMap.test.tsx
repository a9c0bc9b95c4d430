import reference from "../../../../server/agendas/reference.py?raw";
import shapesSource from "./seoulDistrictShapes.ts?raw";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n";
import { DistrictMap } from "./DistrictMap";
import { bucketOf, buckets, countsByDistrict, DISTRICT_CODES } from "./districtCounts";

// The search facets as the API gives them: some districts, in count order, one value that is no district.
const FACETS = [
  { value: "JONGNO", count: 12 },
  { value: "GANGNAM", count: 7 },
  { value: "MAPO", count: 3 },
  { value: "GWANAK", count: 1 },
  { value: "NOT_A_DISTRICT", count: 99 },
];

const render = () =>
  renderToStaticMarkup(
    <I18nProvider>
      <DistrictMap counts={FACETS} caption="자치구별 의제 지도" selected={["MAPO"]} onToggle={() => {}} />
    </I18nProvider>,
  );

const attrs = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag} [^>]*data-district="(\\w+)"[^>]*data-count="(\\d+)"`, "g"))].map((m) => [m[1], Number(m[2])]);

describe("the district map", () => {
  it("draws every one of the 25 districts with exactly the facets' counts, 0 where they have none", () => {
    const html = render();
    const expected = DISTRICT_CODES.map((code) => [code, FACETS.find((f) => f.value === code)?.count ?? 0]);
    expect(attrs(html, "path")).toEqual(expected);
    expect(attrs(html, "tr")).toEqual(expected); // the table says the same numbers
    expect(html).not.toContain("NOT_A_DISTRICT");
  });

  it("names each district with its count, as a keyboard control that says whether it is chosen", () => {
    const html = render();
    expect(html).toMatch(/<path[^>]*data-district="JONGNO"[^>]*role="button"[^>]*tabindex="0"[^>]*aria-label="JONGNO 의제 12건"[^>]*aria-pressed="false"/);
    expect(html).toMatch(/<path[^>]*data-district="MAPO"[^>]*aria-pressed="true"/);
    expect(html).toContain("<caption>자치구별 의제 지도</caption>");
  });

  it("has a legend whose ranges cover every count, darker for more", () => {
    const legend = buckets(12);
    expect(legend.map((b) => [b.from, b.to])).toEqual([[0, 0], [1, 3], [4, 6], [7, 9], [10, 12]]);
    expect([0, 1, 3, 4, 7, 12].map((n) => bucketOf(n, legend))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(buckets(2).map((b) => [b.from, b.to])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(buckets(0)).toHaveLength(1);
    expect(countsByDistrict([])).toEqual(Object.fromEntries(DISTRICT_CODES.map((c) => [c, 0])));
  });

  it("knows the backend's 25 district codes, in its order, and weighs little", () => {
    const codes = [...reference.matchAll(/District\("(\w+)", "[^"]+구"/g)].map((m) => m[1]);
    expect(codes).toHaveLength(25);
    expect(DISTRICT_CODES).toEqual(codes);
    expect(new TextEncoder().encode(shapesSource).length).toBeLessThan(30_000);
  });
});
