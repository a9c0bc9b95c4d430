// Notification settings: how notifications reach the reader by e-mail, and their language. Saving a
// language also switches the app to it (the reader chose it for everything they read here).
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { ACCOUNT_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { ErrorState, Loading } from "../../components/States";
import { FormStatus, useMutationForm } from "../../forms";
import { LOCALES, useI18n, type Locale } from "../../i18n";
import type { EmailPreference } from "../../gql/graphql";
import { PreferencesDocument, UpdatePreferencesDocument } from "../../notifications/documents";

const EMAIL_CHOICES: EmailPreference[] = ["IMMEDIATE", "DAILY_DIGEST", "OFF"];
const LANGUAGE_NAMES: Record<Locale, string> = { ko: "한국어", en: "English" };

export function NotificationSettingsPage() {
  return <RoleGate gate={ACCOUNT_GATE} title="settings.title">{() => <SettingsForm />}</RoleGate>;
}

function SettingsForm() {
  const { t, setLocale } = useI18n();
  const state = useQuery(PreferencesDocument);
  const [email, setEmail] = useState<EmailPreference>("IMMEDIATE");
  const [language, setLanguage] = useState<Locale>("ko");
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(UpdatePreferencesDocument, (r) => r.updateNotificationPreferences);
  const loaded = state.data?.notificationPreferences;

  useEffect(() => {
    if (!loaded) return;
    setEmail(loaded.email);
    setLanguage(loaded.language === "en" ? "en" : "ko");
  }, [loaded]);

  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!loaded) return <Loading />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = await form.run({ input: { email, language } });
    if (result.failure || result.errors.length || !result.payload?.preferences) return;
    setSaved(true);
    const chosen = result.payload.preferences.language;
    if (chosen === "ko" || chosen === "en") setLocale(chosen);
  };

  return (
    <section className="page">
      <h1>{t("settings.title")}</h1>
      <p className="page-lead">{t("settings.lead")}</p>
      <form className="form panel" onSubmit={onSubmit} data-testid="notification-settings">
        <FormStatus form={form} />
        <fieldset>
          <legend>{t("settings.email")}</legend>
          {EMAIL_CHOICES.map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name="email" value={choice} checked={email === choice} onChange={() => setEmail(choice)} />{" "}
              {t(`settings.email.${choice}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("settings.language")}</legend>
          {LOCALES.map((l) => (
            <label key={l} className="choice" lang={l}>
              <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguage(l)} /> {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.running}>
            {form.running ? t("state.saving") : t("settings.save")}
          </button>
          <Link to="/notifications">{t("notifications.title")}</Link>
        </div>
        {saved && (
          <p role="status" data-testid="settings-saved">
            {t("settings.saved")}
          </p>
        )}
      </form>
    </section>
  );
}
