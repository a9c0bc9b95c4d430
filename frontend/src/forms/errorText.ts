// A UserError in the reader's language: the server writes its messages in the language the app asks
// for (Accept-Language, see api/client.ts), so its specific words are shown ("제목은 5자 이상 적어
// 주세요."); the catalogue's text for the code is the fallback for an empty message.
import { useCallback } from "react";
import { useI18n } from "../i18n";
import type { UserError } from "./errors";

export function useUserErrorText(): (e: UserError) => string {
  const { tEnum } = useI18n();
  return useCallback((e: UserError) => e.message || tEnum("error", e.code), [tEnum]);
}
