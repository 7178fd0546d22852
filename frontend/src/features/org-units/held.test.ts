import { describe, expect, it } from 'vitest';
import { firstOf } from './held';

const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o ?? {})}`;

describe('data left on a closed unit', () => {
  it('names the first period of reports as people do, and a year of targets as it is', () => {
    expect(firstOf({ kind: 'reports', first: '2025-H2' }, t)).toBe(
      'reports.period.secondHalf:{"year":2025}',
    );
    expect(firstOf({ kind: 'targets', first: '2026' }, t)).toBe('2026');
    expect(firstOf({ kind: 'reports', first: null }, t)).toBe('');
  });
});
