import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { changedRows, liveStatus, useColumnDraft, type Draft } from './use-column-draft';

type Column = components['schemas']['AllocationColumn'];
const row = (code: string, value?: number | null, required?: boolean) =>
  ({ unit: { code, name: code }, value, required }) as NonNullable<Column['rows']>[number];
const rows = [row('164', 100), row('165', null), row('173', 50)];

describe('the state of a column as typed', () => {
  const draft = (...values: (number | null)[]): Draft =>
    Object.fromEntries(values.map((v, i) => [String(i), { value: v }]));

  it('counts: nothing given, under, exact, over, or no target above', () => {
    expect(liveStatus('count', rows, draft(null, null), 300, undefined)).toBe('unallocated');
    expect(liveStatus('count', rows, draft(100, 150), 300, undefined)).toBe('under');
    expect(liveStatus('count', rows, draft(100, 200), 300, undefined)).toBe('exact');
    expect(liveStatus('count', rows, draft(100, 250), 300, undefined)).toBe('over');
    expect(liveStatus('count', rows, draft(100), undefined, undefined)).toBe('no-parent-target');
  });

  it('rates: complete when every unit that gets one has one', () => {
    const some = { '164': { value: 80 }, '165': { value: null }, '173': { value: 90 } };
    expect(liveStatus('percentage', rows, some, 85, undefined)).toBe('partial');
    const notGiven = { ...some, '165': { value: null, required: false } };
    expect(liveStatus('percentage', rows, notGiven, 85, undefined)).toBe('complete');
  });

  it('activities: the state the server gave the saved column', () => {
    expect(liveStatus('activity', rows, {}, undefined, 'complete')).toBe('complete');
  });
});

describe('changedRows', () => {
  it('sends only what differs from the saved column, "not given" as such', () => {
    const typed: Draft = {
      '164': { value: 100 },
      '165': { value: 20 },
      '173': { value: null, required: false },
    };
    expect(changedRows('count', rows, typed)).toEqual([
      { unitCode: '165', value: 20 },
      { unitCode: '173', required: false },
    ]);
  });
});

describe('useColumnDraft', () => {
  const column = {
    measure: 'count',
    parentTarget: { value: 300 },
    status: 'under',
    rows,
  } as unknown as Column;

  it('starts from the saved column and follows what is typed', () => {
    const { result } = renderHook(() => useColumnDraft(column));
    expect(result.current.sum).toBe(150);
    expect(result.current.difference).toBe(150);
    expect(result.current.changes).toEqual([]);
    act(() => result.current.setRow('165', { value: 150 }));
    expect(result.current.status).toBe('exact');
    expect(result.current.changes).toEqual([{ unitCode: '165', value: 150 }]);
  });

  it('takes a fill proposal over what is typed, and counts the numbers not taken', () => {
    const { result } = renderHook(() => useColumnDraft(column));
    act(() =>
      result.current.propose([
        { unitCode: '164', value: 100 },
        { unitCode: '165', value: 100 },
        { unitCode: '173', value: 100 },
      ]),
    );
    expect(result.current.sum).toBe(300);
    act(() => result.current.problem('165')('số nguyên'));
    act(() => result.current.problem('perUnit')('số nguyên'));
    expect(result.current.problemCount).toBe(2);
    act(() => result.current.problem('165')(undefined));
    expect(result.current.problemCount).toBe(1);
  });
});
