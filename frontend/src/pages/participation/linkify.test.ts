import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("links http(s) addresses and keeps the sentence's punctuation outside", () => {
    expect(linkify("참고 (https://example.org/저상버스?a=1&b=2). 감사합니다")).toEqual([
      { kind: "text", text: "참고 (" },
      { kind: "link", text: "https://example.org/저상버스?a=1&b=2", href: "https://example.org/%EC%A0%80%EC%83%81%EB%B2%84%EC%8A%A4?a=1&b=2" },
      { kind: "text", text: "). 감사합니다" },
    ]);
  });

  it("never links other schemes and leaves markup as text", () => {
    const text = '<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,<b>';
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
  });

  it("handles Chinese text and emoji around a link", () => {
    const pieces = linkify("輪椅 ♿ http://seoul.go.kr。謝謝");
    expect(pieces.map((p) => p.kind)).toEqual(["text", "link", "text"]);
    expect(pieces[1]).toMatchObject({ text: "http://seoul.go.kr" });
  });
});
