// Korean by default, English switchable: every string the UI shows comes from a message catalogue
// (one file per area under messages/, Korean the source, English type-checked to have exactly the
// same keys), and dates and numbers are formatted for the chosen locale in Seoul time.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import * as common from "./messages/common";
import * as citizen from "./messages/citizen";
import * as staff from "./messages/staff";
import * as workshops from "./messages/workshops";
import * as accountability from "./messages/accountability";
import * as account from "./messages/account";
import * as thesaurus from "./messages/thesaurus";
import * as adminImport from "./messages/adminImport";
import * as admin from "./messages/admin";
import * as attachments from "./messages/attachments";
import * as places from "./messages/places";
import * as participation from "./messages/participation";

export type Locale = "ko" | "en";
export const LOCALES: Locale[] = ["ko", "en"];

const catalogues = {
  ko: { ...common.ko, ...citizen.ko, ...staff.ko, ...workshops.ko, ...accountability.ko, ...account.ko, ...thesaurus.ko, ...adminImport.ko, ...admin.ko, ...attachments.ko, ...places.ko, ...participation.ko },
  en: { ...common.en, ...citizen.en, ...staff.en, ...workshops.en, ...accountability.en, ...account.en, ...thesaurus.en, ...adminImport.en, ...admin.en, ...attachments.en, ...places.en, ...participation.en },
};

export type MessageKey = keyof typeof catalogues.ko;
export type Vars = Record<string, string | number>;

const STORAGE_KEY = "agenda.locale";
const TIME_ZONE = "Asia/Seoul";
const INTL_LOCALE: Record<Locale, string> = { ko: "ko-KR", en: "en-GB" };

export function format(template: string, vars?: Vars, locale: Locale = "ko"): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(INTL_LOCALE[locale]).format(value) : value;
  });
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = (catalogues[locale] as Record<string, string>)[key] ?? (catalogues.ko as Record<string, string>)[key] ?? key;
  return format(text, vars, locale);
}

/** Every catalogue key, for the test that proves both languages are complete. */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}

type Label = { code: string; ko: string; en: string; zh?: string };

export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** An enum value's label from the catalogue, e.g. status.IN_TRIAGE. */
  tEnum: (group: string, value: string | null | undefined) => string;
  label: (label: Label | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  relative: (iso: string) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
  percent: (fraction: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === "en" || stored === "ko" ? stored : "ko";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    // document.title is the page's own, set by components/pageTitle.tsx.
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const intl = INTL_LOCALE[locale];
    const dateFmt = new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeZone: TIME_ZONE });
    const dateTimeFmt = new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
    const rel = new Intl.RelativeTimeFormat(intl, { numeric: "auto" });
    const t = (key: MessageKey, vars?: Vars) => translate(locale, key, vars);
    return {
      locale,
      setLocale,
      t,
      tEnum: (group, value) => {
        if (!value) return "";
        const key = `${group}.${value}` as MessageKey;
        const text = (catalogues[locale] as Record<string, string>)[key];
        return text ?? value;
      },
      label: (l) => (l ? (locale === "ko" ? l.ko : l.en) : ""),
      // Dates without a time ("2026-03-31") are calendar dates: show them as written, not shifted.
      date: (iso) => (iso ? dateFmt.format(new Date(iso.length === 10 ? `${iso}T12:00:00+09:00` : iso)) : ""),
      dateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : ""),
      relative: (iso) => {
        const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
        const abs = Math.abs(seconds);
        if (abs < 60) return rel.format(Math.round(seconds), "second");
        if (abs < 3600) return rel.format(Math.round(seconds / 60), "minute");
        if (abs < 86400) return rel.format(Math.round(seconds / 3600), "hour");
        return rel.format(Math.round(seconds / 86400), "day");
      },
      number: (n, options) => new Intl.NumberFormat(intl, options).format(n),
      percent: (fraction) => new Intl.NumberFormat(intl, { style: "percent", maximumFractionDigits: 0 }).format(fraction),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
