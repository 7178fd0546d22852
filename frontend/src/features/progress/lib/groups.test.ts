import { describe, expect, it } from 'vitest';
import { countStates, groupItems, groupOf } from './groups';

const items = [
  { itemKey: 'I-1', label: '1. Tập hợp phụ nữ', group: '1', groupTitle: null, state: 'ahead' },
  {
    itemKey: 'I-2.1',
    label: '2.1. Giúp hộ nghèo',
    group: '2',
    groupTitle: 'Chỉ tiêu 2',
    state: 'behind',
  },
  { itemKey: 'I-2.2', label: '2.2. Giúp hộ cận nghèo', group: '2', groupTitle: 'Chỉ tiêu 2' },
  {
    itemKey: 'II-1.1',
    label: '1.1. Tuyên truyền',
    group: '1',
    groupTitle: 'Nhiệm vụ 1',
    state: 'on-track',
  },
];

describe('groupItems', () => {
  it('folds items by section and group in the order they came', () => {
    const groups = groupItems(items);
    expect(groups.map((g) => g.key)).toEqual(['I-1', 'I-2', 'II-1']);
    expect(groups.map((g) => g.items.length)).toEqual([1, 2, 1]);
  });

  it('names a group by its title, or by the item that is the group', () => {
    expect(groupItems(items).map((g) => g.title)).toEqual([
      '1. Tập hợp phụ nữ',
      'Chỉ tiêu 2',
      'Nhiệm vụ 1',
    ]);
  });

  it('counts the states of its items, an item without one as without a target', () => {
    expect(groupItems(items)[1]!.counts).toEqual({
      ahead: 0,
      'on-track': 0,
      behind: 1,
      'no-target': 1,
    });
    expect(countStates([])).toEqual({ ahead: 0, 'on-track': 0, behind: 0, 'no-target': 0 });
  });

  it('finds the group of an item', () => {
    const groups = groupItems(items);
    expect(groupOf(groups, 'I-2.2')).toBe('I-2');
    expect(groupOf(groups, 'I-9')).toBeUndefined();
    expect(groupOf(groups, undefined)).toBeUndefined();
  });
});
