import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands with a dot in Vietnamese', () => {
    expect(formatNumber(2500)).toBe('2.500');
    expect(formatNumber(0.5)).toBe('0,5');
  });

  it('uses English separators in English', () => {
    expect(formatNumber(2500, 'en-US')).toBe('2,500');
  });
});

describe('formatDate', () => {
  it('writes day/month/year in Vietnamese', () => {
    expect(formatDate('2021-12-31')).toBe('31/12/2021');
  });

  it('ignores the time part of a timestamp', () => {
    expect(formatDate('2022-04-10T00:00:00+07:00')).toBe('10/04/2022');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('không rõ')).toBe('không rõ');
  });
});

describe('formatDateTime', () => {
  it('writes day/month/year hour:minute in the union time zone', () => {
    expect(formatDateTime('2026-11-28T16:23:00Z')).toBe('28/11/2026 23:23');
    expect(formatDateTime('2026-11-28T16:23:00Z', 'en-GB')).toBe('28/11/2026 23:23');
  });
});
