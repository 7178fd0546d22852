import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { groupItems, type ItemGroup } from '../lib/groups';
import { FoldedTable } from './folded-table';

type Item = {
  itemKey: string;
  label: string;
  group?: string;
  groupTitle?: string;
  state?: string;
};
type Row = { rowKey: string; label: string };

const items: Item[] = [
  { itemKey: 'I-1', label: 'Chỉ tiêu 1', group: '1', state: 'behind' },
  {
    itemKey: 'I-2.1',
    label: 'Tỷ lệ hội viên',
    group: '2',
    groupTitle: 'Chỉ tiêu 2',
    state: 'ahead',
  },
  {
    itemKey: 'I-2.2',
    label: 'Số hội viên mới',
    group: '2',
    groupTitle: 'Chỉ tiêu 2',
    state: 'behind',
  },
  { itemKey: 'II-1.1', label: 'Tuyên truyền', group: '1', groupTitle: 'Nhiệm vụ 1' },
];
const rowsOf = (g: ItemGroup<Item>): Row[] =>
  g.items.map((i) => ({ rowKey: i.itemKey, label: i.label }));

function renderTable(selected?: string) {
  return render(
    <FoldedTable
      groups={groupItems(items)}
      rowsOf={rowsOf}
      columns={[
        { title: 'Nội dung', key: 'label', render: (_, r) => r.label },
        { title: 'Mã', key: 'code', render: (_, r) => `#${r.rowKey}` },
      ]}
      selected={selected}
      counts
      testId="t"
      groupTestId="g-"
      openAllTestId="all"
    />,
  );
}

// jsdom has no matchMedia; antd's table asks it for the screen width
beforeAll(() => {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
});

afterEach(cleanup);

describe('FoldedTable', () => {
  it('draws the group rows only, each spanning every column', () => {
    renderTable();
    expect(screen.queryByText('Tỷ lệ hội viên')).toBeNull();
    const toggle = screen.getByTestId('g-I-2');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.closest('td')?.getAttribute('colspan')).toBe('2');
    expect(toggle.textContent).toContain('1');
    expect(screen.queryByText('#I-1')).toBeNull();
  });

  it('opens one group on a click, with its items in every column', () => {
    renderTable();
    act(() => fireEvent.click(screen.getByTestId('g-I-2')));
    expect(screen.getByText('Tỷ lệ hội viên')).toBeTruthy();
    expect(screen.getByText('#I-2.2')).toBeTruthy();
    expect(screen.queryByText('Tuyên truyền')).toBeNull();
    expect(screen.getByTestId('g-I-2').getAttribute('aria-expanded')).toBe('true');
  });

  it('starts with the chosen item’s group open, and opens all at once', () => {
    renderTable('II-1.1');
    expect(screen.getByText('Tuyên truyền')).toBeTruthy();
    expect(screen.queryByText('Tỷ lệ hội viên')).toBeNull();
    act(() => fireEvent.click(screen.getByTestId('all')));
    expect(screen.getByText('Tỷ lệ hội viên')).toBeTruthy();
    expect(screen.getByText('#I-1')).toBeTruthy();
  });
});
