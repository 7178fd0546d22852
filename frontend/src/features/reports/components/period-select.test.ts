import { describe, expect, it } from 'vitest';
import { defaultPeriod } from './period-select';

describe('the period a report opens on', () => {
  it('is the open period due soonest: the year report due 30/11 before the half due 15/12', () => {
    const periods = [
      { code: '2026', kind: 'year', state: 'open', dueOn: '2026-11-30' },
      { code: '2026-H1', kind: 'half', state: 'closed', dueOn: '2026-06-15' },
      { code: '2026-H2', kind: 'half', state: 'open', dueOn: '2026-12-15' },
    ];
    expect(defaultPeriod(periods, new Date(2026, 10, 28))).toBe('2026');
    // once the year report is past due, the half-year is next
    expect(defaultPeriod(periods, new Date(2026, 11, 2))).toBe('2026-H2');
    // all open ones past due: the one due last
    expect(defaultPeriod(periods, new Date(2027, 0, 5))).toBe('2026-H2');
    expect(defaultPeriod([{ code: '2022', state: 'closed' }])).toBe('2022');
  });
});
