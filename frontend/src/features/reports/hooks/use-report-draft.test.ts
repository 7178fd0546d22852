import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormItem } from '../api/submissions';
import { conflicts, useReportDraft } from './use-report-draft';

const key = { owner: 'u-1', plan: '11-KH-BCH', period: '2026-H2', unit: '05908' };
const items = [
  { key: 'I-2.1', value: { number: 3 } },
  { key: 'I-2.2', value: null },
] as unknown as FormItem[];

describe('useReportDraft', () => {
  beforeEach(() => localStorage.clear());

  it('keeps what is typed on the device and gives it back after a reload', () => {
    const first = renderHook(() => useReportDraft(key, items));
    act(() => first.result.current.edit({ item: 'I-2.2', number: 7 }));
    expect(first.result.current.dirty).toBe(true);
    expect(first.result.current.valueOf('I-2.2')?.number).toBe(7);
    first.unmount();

    const again = renderHook(() => useReportDraft(key, items));
    expect(again.result.current.restored).toBe(1);
    expect(again.result.current.valueOf('I-2.2')?.number).toBe(7);
    // another user of the same phone does not see it
    const other = renderHook(() => useReportDraft({ ...key, owner: 'u-2' }, items));
    expect(other.result.current.dirty).toBe(false);
  });

  it('drops an edit changed back to the saved value', () => {
    const { result } = renderHook(() => useReportDraft(key, items));
    act(() => result.current.edit({ item: 'I-2.1', number: 4 }));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.edit({ item: 'I-2.1', number: 3, evidence: [] }));
    expect(result.current.dirty).toBe(false);
    expect(result.current.valueOf('I-2.1')?.number).toBe(3);
  });

  it('counts the numbers that cannot be taken yet, each item once', () => {
    const { result } = renderHook(() => useReportDraft(key, items));
    act(() => result.current.problem('I-2.1', 'số nguyên'));
    act(() => result.current.problem('I-2.1', 'số nguyên'));
    act(() => result.current.problem('I-2.2', 'quá 100'));
    expect(result.current.problemCount).toBe(2);
    act(() => result.current.problem('I-2.1', undefined));
    expect(result.current.problemCount).toBe(1);
  });

  it('keeps a save that waits for the network until it is cleared', () => {
    const first = renderHook(() => useReportDraft(key, items));
    act(() => first.result.current.edit({ item: 'I-2.2', number: 7 }));
    act(() => first.result.current.setWaiting({ key: 'k-1', body: '{}', at: '2026-12-07' }));
    first.unmount();
    const again = renderHook(() => useReportDraft(key, items));
    expect(again.result.current.waiting?.key).toBe('k-1');
    act(() => again.result.current.clear());
    expect(again.result.current.waiting).toBeUndefined();
    expect(again.result.current.dirty).toBe(false);
    const after = renderHook(() => useReportDraft(key, items));
    expect(after.result.current.waiting).toBeUndefined();
    expect(after.result.current.restored).toBe(0);
  });
});

describe('conflicts', () => {
  it('names the items someone else saved differently, with their value', () => {
    const now = [
      { key: 'I-2.1', value: { number: 5 } },
      { key: 'I-2.2', value: { number: 7 } },
    ] as unknown as FormItem[];
    const sent = [
      { item: 'I-2.1', number: 4 },
      { item: 'I-2.2', number: 7 },
    ];
    expect(conflicts(sent, now, (v) => String(v.number))).toEqual({ 'I-2.1': '5' });
  });
});
