import { describe, expect, it } from 'vitest';
import { labelOfCode } from './period';

const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o ?? {})}`;

describe('period names', () => {
  it('names a period from its code', () => {
    expect(labelOfCode('2026-H2', t)).toBe('reports.period.secondHalf:{"year":2026}');
    expect(labelOfCode('2026-H1', t)).toBe('reports.period.firstHalf:{"year":2026}');
    expect(labelOfCode('2025-Q3', t)).toBe(
      'reports.period.quarter:{"year":2025,"number":3,"roman":"III"}',
    );
    expect(labelOfCode('2024', t)).toBe('reports.period.year:{"year":2024}');
    expect(labelOfCode('nonsense', t)).toBe('nonsense');
  });
});
