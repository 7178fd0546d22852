import { describe, expect, it } from 'vitest';
import { parseDay } from './day';

describe('a due date typed as dd/mm/yyyy', () => {
  it('reads the day first, whatever the browser locale', () => {
    expect(parseDay('15/12/2026')).toBe('2026-12-15');
    expect(parseDay('1/6/2026')).toBe('2026-06-01');
  });
  it('refuses what is not a real day', () => {
    expect(parseDay('31/02/2026')).toBeUndefined();
    expect(parseDay('2026-12-15')).toBeUndefined();
    expect(parseDay('12/31/2026')).toBeUndefined();
  });
});
