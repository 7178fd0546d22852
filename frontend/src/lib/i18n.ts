import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kehoach.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** Vietnamese first: the default and the fallback; English second. */
export function initI18n(): typeof i18n {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: isLanguage(stored) ? stored : 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  i18n.on('languageChanged', (lng) => {
    window.localStorage.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** The Intl locale of a UI language: numbers and dates follow it. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}
