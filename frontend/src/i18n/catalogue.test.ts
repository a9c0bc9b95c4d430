import { describe, expect, it } from "vitest";
import { catalogueKeys, format, translate, type MessageKey } from "./index";
import * as account from "./messages/account";
import * as participation from "./messages/participation";
import * as admin from "./messages/admin";
import * as adminImport from "./messages/adminImport";
import * as accountability from "./messages/accountability";
import * as attachments from "./messages/attachments";
import * as citizen from "./messages/citizen";
import * as common from "./messages/common";
import * as staff from "./messages/staff";
import * as thesaurus from "./messages/thesaurus";
import * as workshops from "./messages/workshops";
import * as places from "./messages/places";

const modules = { common, citizen, staff, workshops, accountability, account, thesaurus, adminImport, admin, attachments, places, participation };

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

  it("define each key in one module only (a later module would silently replace an earlier one's text)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, module] of Object.entries(modules)) {
      for (const key of Object.keys(module.ko)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${name})`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it("formats numbers for the locale", () => {
    expect(format("{count}건", { count: 12345 }, "ko")).toBe("12,345건");
    expect(format("{name} 님", { name: "김지우 🌱" }, "ko")).toBe("김지우 🌱 님");
  });
});
