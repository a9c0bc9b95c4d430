// A UserError in the reader's language: Korean readers get the catalogue's text for its code (the
// server's specific message when the catalogue has none), English readers the server's own words.
import { useCallback } from "react";
import { useI18n } from "../i18n";
import type { UserError } from "./errors";

export function useUserErrorText(): (e: UserError) => string {
  const { locale, tEnum } = useI18n();
  return useCallback(
    (e: UserError) => {
      if (locale === "en") return e.message;
      const text = tEnum("error", e.code);
      return text === e.code ? e.message : text;
    },
    [locale, tEnum],
  );
}
