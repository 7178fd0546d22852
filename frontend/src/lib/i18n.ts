import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kehoach.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/**
 * The words of a language. Vietnamese is part of the first download; English is fetched when it
 * is chosen (or was chosen last time on this device): most users never pay for it.
 */
export const loadLocale: Record<Language, () => Promise<ResourceKey>> = {
  vi: async () => vi,
  en: async () => (await import('../locales/en.json')).default,
};

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) return callback(null, {});
    loadLocale[language]().then(
      (words) => callback(null, words),
      (error: unknown) => callback(String(error), null),
    );
  },
};

/**
 * Vietnamese first: the default and the fallback; English second. Resolves once the chosen
 * language's words are there; a language is switched to only once its words are loaded, so the
 * page never shows keys (offline and never loaded: the page stays in Vietnamese).
 */
export async function initI18n(): Promise<typeof i18n> {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  await i18n
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      resources: { vi: { translation: vi } },
      partialBundledLanguages: true,
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
