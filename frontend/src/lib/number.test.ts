import { describe, expect, it } from 'vitest';
import { formatTyped, parseNumber } from './number';

describe('parseNumber in Vietnamese', () => {
  it('reads a dot as a thousands mark and a comma as the decimal mark', () => {
    expect(parseNumber('1.500')).toEqual({ ok: true, value: 1500 });
    expect(parseNumber('2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber('1.234.567,25')).toEqual({ ok: true, value: 1234567.25 });
    expect(parseNumber(' 150 ')).toEqual({ ok: true, value: 150 });
    expect(parseNumber('95%')).toEqual({ ok: true, value: 95 });
  });

  it('takes empty text as no value', () => {
    expect(parseNumber('')).toEqual({ ok: true, value: undefined });
    expect(parseNumber('  ')).toEqual({ ok: true, value: undefined });
  });

  it('says why instead of guessing', () => {
    expect(parseNumber('2.5')).toEqual({ ok: false, problem: 'decimalMark' });
    expect(parseNumber('1.50')).toEqual({ ok: false, problem: 'decimalMark' });
    expect(parseNumber('12a')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseNumber('1,2,3')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseNumber('-3')).toEqual({ ok: false, problem: 'negative' });
  });

  it('keeps counts whole and percentages at most 100', () => {
    expect(parseNumber('2,5', 'vi-VN', { whole: true })).toEqual({ ok: false, problem: 'whole' });
    expect(parseNumber('150', 'vi-VN', { max: 100 })).toEqual({
      ok: false,
      problem: 'max',
      max: 100,
    });
    expect(parseNumber('100', 'vi-VN', { max: 100 })).toEqual({ ok: true, value: 100 });
  });
});

describe('parseNumber in English', () => {
  it('reads a comma as a thousands mark and a dot as the decimal mark', () => {
    expect(parseNumber('1,500', 'en-GB')).toEqual({ ok: true, value: 1500 });
    expect(parseNumber('2.5', 'en-GB')).toEqual({ ok: true, value: 2.5 });
  });
});

describe('formatTyped', () => {
  it('groups thousands the way the targets beside are written', () => {
    expect(formatTyped(1500)).toBe('1.500');
    expect(formatTyped(2.5)).toBe('2,5');
    expect(formatTyped(undefined)).toBe('');
    expect(formatTyped(1500, 'en-GB')).toBe('1,500');
  });
});
