import { describe, expect, it } from "vitest";
import { splitHighlight } from "./Highlighted";

describe("splitHighlight", () => {
  it("keeps marks and decodes escaped text without creating markup", () => {
    const parts = splitHighlight("&lt;script&gt;alert(1)&lt;/script&gt; <mark>저상버스</mark>를 늘려 주세요 &amp; 🚌");
    expect(parts).toEqual([
      { text: "<script>alert(1)</script> ", marked: false },
      { text: "저상버스", marked: true },
      { text: "를 늘려 주세요 & 🚌", marked: false },
    ]);
  });
});
