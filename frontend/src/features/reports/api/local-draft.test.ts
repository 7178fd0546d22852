import { beforeEach, describe, expect, it } from 'vitest';
import { clearAllDrafts, fieldErrorsByItem, loadEdits, sameValue, storeEdits } from './local-draft';

describe('local report drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps unsaved values per user, plan, period and unit, and forgets them once empty', () => {
    storeEdits('u1', 'P', '2026-H2', '05761', { 'I-2.1': { item: 'I-2.1', number: 12 } });
    expect(loadEdits('u1', 'P', '2026-H2', '05761')['I-2.1']?.number).toBe(12);
    expect(loadEdits('u1', 'P', '2026-H2', '05767')).toEqual({});
    // the next person on the same phone sees none of it
    expect(loadEdits('u2', 'P', '2026-H2', '05761')).toEqual({});
    storeEdits('u1', 'P', '2026-H2', '05761', {});
    expect(localStorage.length).toBe(0);
  });

  it('clears every draft at logout and leaves other settings alone', () => {
    storeEdits('u1', 'P', '2026-H2', '05761', { 'I-2.1': { item: 'I-2.1', number: 12 } });
    storeEdits('u2', 'P', '2026-H2', '05767', { 'I-2.1': { item: 'I-2.1', number: 3 } });
    localStorage.setItem('kehoach.language', 'vi');
    clearAllDrafts();
    expect(Object.keys(localStorage)).toEqual(['kehoach.language']);
  });

  it('puts each refused field under the item it was sent for', () => {
    const sent = [
      { item: 'I-2.1', number: 1 },
      { item: 'I-5.3', number: 101 },
    ];
    expect(
      fieldErrorsByItem(
        [
          { field: 'values[1].number', message: 'between 0 and 100' },
          { field: 'period', message: 'closed' },
        ],
        sent,
      ),
    ).toEqual({ 'I-5.3': 'between 0 and 100' });
  });
});

describe('an edit back to the saved value', () => {
  const saved = { item: 'I-1.1', status: 'done' as const, evidence: [] };

  it('is no edit: same status, empty note and no links as none', () => {
    expect(sameValue({ item: 'I-1.1', status: 'done', note: '' }, saved)).toBe(true);
  });

  it('is an edit when anything differs, or nothing was saved', () => {
    expect(sameValue({ item: 'I-1.1' }, saved)).toBe(false);
    expect(sameValue({ item: 'I-1.1', status: 'done', note: 'x' }, saved)).toBe(false);
    expect(sameValue({ item: 'I-1.1', status: 'done', evidence: ['https://a.vn'] }, saved)).toBe(
      false,
    );
    expect(sameValue({ item: 'I-2.1', number: 0 }, { item: 'I-2.1' })).toBe(false);
    expect(sameValue({ item: 'I-2.1' }, undefined)).toBe(false);
  });
});
