import { describe, expect, it } from 'vitest';
import { defaultPeriod, labelOfCode } from './period-select';

const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o ?? {})}`;

describe('periods', () => {
  it('preselects the open half-year of today, else any open period', () => {
    const periods = [
      { code: '2026', kind: 'year', state: 'open' },
      { code: '2026-H1', kind: 'half', state: 'closed' },
      { code: '2026-H2', kind: 'half', state: 'open' },
    ];
    expect(defaultPeriod(periods, new Date(2026, 10, 28))).toBe('2026-H2');
    expect(defaultPeriod(periods.slice(0, 2), new Date(2026, 10, 28))).toBe('2026');
    expect(defaultPeriod([{ code: '2022', state: 'closed' }])).toBe('2022');
  });

  it('names a period from its code', () => {
    expect(labelOfCode('2026-H2', t)).toBe('reports.period.half:{"year":2026,"number":2}');
    expect(labelOfCode('2025-Q3', t)).toBe('reports.period.quarter:{"year":2025,"number":3}');
    expect(labelOfCode('2024', t)).toBe('reports.period.year:{"year":2024}');
    expect(labelOfCode('nonsense', t)).toBe('nonsense');
  });
});
