import { Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';
import { useOpenGroups } from '../hooks/use-open-groups';
import type { Groupable, ItemGroup } from '../lib/groups';
import { FoldBar, GroupToggle } from './group-toggle';

type GroupRow<R> = { rowKey: string; fold: ItemGroup<Groupable>; children: R[] };
type Row<R> = GroupRow<R> | R;

// an item row may have a `group` field of its own (the chỉ tiêu it is in): told apart by `fold`
const isGroup = <R,>(r: Row<R>): r is GroupRow<R> =>
  typeof r === 'object' && r !== null && 'fold' in r;

/**
 * A table of plan items folded by chỉ tiêu or task group: a row per group (its title is the button
 * that opens it, with how many of its items are behind, on track or ahead when `counts` is on),
 * the items below it drawn only once it is open, and a bar above that opens or closes them all. A
 * phone draws the dozen group rows, not every item of the plan. The columns are the item rows'
 * own; the group row spans them all.
 */
export function FoldedTable<T extends Groupable, R extends { rowKey: string }>({
  groups,
  rowsOf,
  columns,
  selected,
  counts = false,
  loading,
  testId,
  groupTestId,
  openAllTestId,
  wrap = (table) => table,
}: {
  groups: ItemGroup<T>[];
  /** A group's item rows (an item without a row, e.g. no figure in this table, is left out). */
  rowsOf: (group: ItemGroup<T>) => R[];
  columns: ColumnsType<R>;
  /** The item already chosen: its group starts open. */
  selected?: string;
  counts?: boolean;
  loading?: boolean;
  testId: string;
  /** A group row's test id is this followed by the group's key. */
  groupTestId: string;
  openAllTestId: string;
  /** Around the table, e.g. a box that scrolls it sideways. */
  wrap?: (table: ReactNode) => ReactNode;
}) {
  const { open, toggle, allOpen, toggleAll } = useOpenGroups(groups, selected);
  const rows = useMemo<GroupRow<R>[]>(
    () =>
      groups.map((fold) => ({
        rowKey: `group:${fold.key}`,
        fold: fold as ItemGroup<Groupable>,
        children: rowsOf(fold),
      })),
    [groups, rowsOf],
  );

  const folded: ColumnsType<Row<R>> = columns.map((column, index) => ({
    ...column,
    onCell: (r: Row<R>, rowIndex?: number) =>
      isGroup(r)
        ? { colSpan: index === 0 ? columns.length : 0 }
        : (column.onCell?.(r, rowIndex) ?? {}),
    render: (value: unknown, r: Row<R>, rowIndex: number) =>
      isGroup(r) ? (
        index === 0 ? (
          <GroupToggle
            id={r.fold.key}
            testId={`${groupTestId}${r.fold.key}`}
            title={r.fold.title}
            counts={counts ? r.fold.counts : undefined}
            open={open.includes(r.fold.key)}
            onToggle={toggle}
          />
        ) : null
      ) : column.render ? (
        column.render(value, r, rowIndex)
      ) : (
        (value as ReactNode)
      ),
  })) as ColumnsType<Row<R>>;

  return (
    <Flex vertical gap={8}>
      <FoldBar
        groups={groups.length}
        items={rows.reduce((n, g) => n + g.children.length, 0)}
        allOpen={allOpen}
        onToggleAll={toggleAll}
        testId={openAllTestId}
      />
      {wrap(
        <Table<Row<R>>
          size="small"
          rowKey="rowKey"
          loading={loading}
          pagination={false}
          dataSource={rows}
          data-testid={testId}
          expandable={{
            expandedRowKeys: open.map((k) => `group:${k}`),
            expandIcon: () => null,
            indentSize: 12,
          }}
          columns={folded}
        />,
      )}
    </Flex>
  );
}
