// The language switch at the top right: for a signed-in reader the choice is also saved as their
// notification language, so what the server sends them (notifications, e-mail) follows the app.
import { useCallback } from "react";
import { request } from "../api/client";
import { useSession } from "../auth/session";
import { useI18n, type Locale } from "../i18n";
import { UpdatePreferencesDocument } from "./documents";

export function useSwitchLanguage(): (locale: Locale) => void {
  const { setLocale } = useI18n();
  const { me } = useSession();
  const signedIn = !!me;
  return useCallback(
    (locale: Locale) => {
      setLocale(locale);
      if (!signedIn) return;
      // The app has switched either way; a lost save leaves the earlier preference, which the
      // settings page shows and can save again.
      request(UpdatePreferencesDocument, { input: { language: locale } }).catch(() => {});
    },
    [setLocale, signedIn],
  );
}
