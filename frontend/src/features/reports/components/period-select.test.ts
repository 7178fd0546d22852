import { describe, expect, it } from 'vitest';
import { defaultPeriod } from './period-select';

describe('the period a report opens on', () => {
  it('is the open half-year of today, else any open period, else the last one', () => {
    const periods = [
      { code: '2026', kind: 'year', state: 'open' },
      { code: '2026-H1', kind: 'half', state: 'closed' },
      { code: '2026-H2', kind: 'half', state: 'open' },
    ];
    expect(defaultPeriod(periods, new Date(2026, 10, 28))).toBe('2026-H2');
    expect(defaultPeriod(periods.slice(0, 2), new Date(2026, 10, 28))).toBe('2026');
    expect(defaultPeriod([{ code: '2022', state: 'closed' }])).toBe('2022');
  });
});
