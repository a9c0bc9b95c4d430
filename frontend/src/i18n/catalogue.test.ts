import { describe, expect, it } from "vitest";
import { catalogueKeys, format, translate, type MessageKey } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have the same keys in Korean and English", () => {
    expect(catalogueKeys("en").sort()).toEqual(catalogueKeys("ko").sort());
  });

  it("translate every key into non-empty text with the same placeholders", () => {
    for (const key of catalogueKeys("ko") as MessageKey[]) {
      const ko = translate("ko", key);
      const en = translate("en", key);
      expect(ko.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(placeholders(en), key).toEqual(placeholders(ko));
    }
  });

  it("formats numbers for the locale", () => {
    expect(format("{count}건", { count: 12345 }, "ko")).toBe("12,345건");
    expect(format("{name} 님", { name: "김지우 🌱" }, "ko")).toBe("김지우 🌱 님");
  });
});
