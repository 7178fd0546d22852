import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

function keys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogs', () => {
  it('English has exactly the keys of Vietnamese', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('every translation keeps the interpolation placeholders', () => {
    const lookup = (catalog: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
    for (const key of keys(vi)) {
      expect(placeholders(String(lookup(en, key))), key).toEqual(
        placeholders(String(lookup(vi, key))),
      );
    }
  });
});

describe('the words of each language', () => {
  it('loads English on demand, the same catalog as the file', async () => {
    const { loadLocale } = await import('./i18n');
    expect(await loadLocale.en()).toEqual(en);
    expect(await loadLocale.vi()).toEqual(vi);
  });
});
