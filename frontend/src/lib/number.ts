// Numbers as officials type them. In Vietnamese "." groups thousands and "," is the decimal mark
// ("1.500" is fifteen hundred, "2,5" two and a half); in English the other way round. Nothing is
// guessed: a value that breaks the rules, or a limit, is an error that says why, never a silent
// change.

export type NumberRules = {
  /** Counts are whole numbers. */
  whole?: boolean;
  /** An upper limit (100 for a percentage). */
  max?: number;
};

export type NumberProblem = 'notNumber' | 'decimalMark' | 'negative' | 'whole' | 'max';

export type Parsed =
  { ok: true; value: number | undefined } | { ok: false; problem: NumberProblem; max?: number };

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? '.',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? ',',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads what was typed; empty text is "no value". */
export function parseNumber(text: string, locale = 'vi-VN', rules: NumberRules = {}): Parsed {
  const { group, decimal } = separators(locale);
  // Spaces (and the narrow no-break space some keyboards insert) and a trailing % carry nothing.
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (s === '') return { ok: true, value: undefined };
  const g = escape(group);
  const d = escape(decimal);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(${d}\\d+)?$`);
  if (!grouped.test(s) && !plain.test(s)) {
    // "2.5" in Vietnamese: a group mark where a decimal mark was meant.
    if (new RegExp(`^-?\\d+${g}\\d+$`).test(s)) return { ok: false, problem: 'decimalMark' };
    return { ok: false, problem: 'notNumber' };
  }
  const value = Number(s.split(group).join('').replace(decimal, '.'));
  if (!Number.isFinite(value)) return { ok: false, problem: 'notNumber' };
  if (value < 0) return { ok: false, problem: 'negative' };
  if (rules.whole && !Number.isInteger(value)) return { ok: false, problem: 'whole' };
  if (rules.max !== undefined && value > rules.max) {
    return { ok: false, problem: 'max', max: rules.max };
  }
  return { ok: true, value };
}

/** A number as the same people read it: "1.500", "2,5" (up to 3 decimals, as the API keeps). */
export function formatTyped(value: number | null | undefined, locale = 'vi-VN'): string {
  if (value == null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}
