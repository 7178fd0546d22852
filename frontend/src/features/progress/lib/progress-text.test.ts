import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ProgressItem } from '../api/progress';
import { achievedText, defaultYear, percent, targetText } from './progress-text';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('progress texts', () => {
  it('writes ratios as percentages in the reader’s language', () => {
    expect(percent(0.875, 'vi-VN')).toBe('87,5%');
    expect(percent(1.2, 'en-US')).toBe('120%');
    expect(percent(null, 'vi-VN')).toBe('—');
  });

  it('writes what was achieved by the kind of measure', () => {
    const count = { measure: 'count', subtree: { value: 1500 } } as ProgressItem;
    const rate = { measure: 'percentage', subtree: { value: 9.5 } } as ProgressItem;
    const activity = {
      measure: 'activity',
      subtree: { activity: { done: 3, due: 9 } },
    } as unknown as ProgressItem;
    expect(achievedText(count, t, 'vi-VN')).toBe('1.500');
    expect(achievedText(rate, t, 'vi-VN')).toBe('9,5 %');
    expect(achievedText(activity, t, 'vi-VN')).toBe('progress.activityDone {"done":3,"due":9}');
    expect(achievedText({ measure: 'count' } as ProgressItem, t, 'vi-VN')).toBe('—');
  });

  it('writes the target, or says there is none', () => {
    expect(
      targetText({ measure: 'count', target: { value: 500 } } as ProgressItem, t, 'vi-VN'),
    ).toBe('500');
    expect(targetText({ measure: 'count', target: {} } as ProgressItem, t, 'vi-VN')).toBe(
      'progress.noTarget',
    );
    expect(
      targetText({ measure: 'activity', target: { required: true } } as ProgressItem, t, 'vi-VN'),
    ).toBe('reports.target.required');
  });

  it('opens on this year when the plan covers it, else on its last year', () => {
    expect(defaultYear([2022, 2023, 2024, 2025, 2026], 2026)).toBe(2026);
    expect(defaultYear([2022, 2023, 2024, 2025, 2026], 2027)).toBe(2026);
    expect(defaultYear([], 2027)).toBe(2027);
  });
});
