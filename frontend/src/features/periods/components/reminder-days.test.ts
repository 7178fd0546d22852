import { describe, expect, it } from 'vitest';
import { parseDays } from './reminder-days';

describe('parseDays', () => {
  it('reads the days as a planner types them, largest first', () => {
    expect(parseDays('7, 2')).toEqual([7, 2]);
    expect(parseDays('2 7')).toEqual([7, 2]);
    expect(parseDays('14;7;1')).toEqual([14, 7, 1]);
  });

  it('takes nothing as no reminder before the due date', () => {
    expect(parseDays('')).toEqual([]);
    expect(parseDays('  ')).toEqual([]);
  });

  it('refuses what the server refuses: not whole, out of 1–90, twice, more than five', () => {
    expect(parseDays('2,5')).toEqual([5, 2]);
    expect(parseDays('2.5')).toBeUndefined();
    expect(parseDays('0')).toBeUndefined();
    expect(parseDays('91')).toBeUndefined();
    expect(parseDays('7, 7')).toBeUndefined();
    expect(parseDays('1 2 3 4 5 6')).toBeUndefined();
    expect(parseDays('bảy')).toBeUndefined();
  });
});
