import { describe, expect, it } from 'vitest';
import { daysLeft } from './period';

describe('days left to a due date', () => {
  it('counts whole days from today, negative once past', () => {
    const today = new Date(2026, 10, 29);
    expect(daysLeft('2026-11-30', today)).toBe(1);
    expect(daysLeft('2026-12-15', today)).toBe(16);
    expect(daysLeft('2026-11-29', today)).toBe(0);
    expect(daysLeft('2026-11-20', today)).toBe(-9);
  });
});
