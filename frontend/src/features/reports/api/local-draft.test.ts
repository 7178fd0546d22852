import { beforeEach, describe, expect, it } from 'vitest';
import { fieldErrorsByItem, loadEdits, storeEdits } from './local-draft';

describe('local report drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps unsaved values per plan, period and unit, and forgets them once empty', () => {
    storeEdits('P', '2026-H2', '05761', { 'I-2.1': { item: 'I-2.1', number: 12 } });
    expect(loadEdits('P', '2026-H2', '05761')['I-2.1']?.number).toBe(12);
    expect(loadEdits('P', '2026-H2', '05767')).toEqual({});
    storeEdits('P', '2026-H2', '05761', {});
    expect(localStorage.length).toBe(0);
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
