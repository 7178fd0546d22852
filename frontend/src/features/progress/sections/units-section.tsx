import { Empty, Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { intlLocale } from '@/lib/i18n';
import { useProgress, useProgressTable } from '../api/progress';
import { FoldBar, GroupToggle } from '../components/group-toggle';
import { STATE_COLORS } from '../components/state-tag';
import { useOpenGroups } from '../hooks/use-open-groups';
import { groupItems } from '../lib/groups';
import { percent } from '../lib/progress-text';
import { ofDepartment } from './year-section';

type Cell = { state?: string; ratio?: number | null };
type ItemRow = { rowKey: string; label: string; cells: Cell[] };
type GroupRow = { rowKey: string; key: string; title: string; children: ItemRow[] };
type Row = ItemRow | GroupRow;
const isGroup = (r: Row): r is GroupRow => 'children' in r;

/**
 * The units just below, side by side: each item's ratio to its target in every unit, folded by
 * chỉ tiêu like the year's items. A unit's name goes down to its own dashboard.
 */
export const UnitsSection = memo(function UnitsSection({
  plan,
  unit,
  year,
  department,
}: {
  plan: string;
  unit: string;
  year: number;
  department?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const table = useProgressTable(plan, unit, year);
  const progress = useProgress(plan, unit, year);
  const units = table.data?.units ?? [];
  // the groups and their titles are the year's (the same items, in the same order)
  const groups = useMemo(
    () => groupItems(ofDepartment(progress.data?.items ?? [], department)),
    [progress.data?.items, department],
  );
  const rows = useMemo<GroupRow[]>(() => {
    const byKey = new Map((table.data?.rows ?? []).map((r) => [r.itemKey, r]));
    return groups.map((g) => ({
      rowKey: `group:${g.key}`,
      key: g.key,
      title: g.title,
      children: g.items.flatMap((i) => {
        const r = byKey.get(i.itemKey);
        return r ? [{ rowKey: i.itemKey!, label: r.label ?? '', cells: r.cells ?? [] }] : [];
      }),
    }));
  }, [groups, table.data?.rows]);
  const { open, toggle, allOpen, toggleAll } = useOpenGroups(groups);

  if (table.error) return <QueryError error={table.error} onRetry={() => void table.refetch()} />;
  if (table.data && units.length === 0) return <Empty description={t('progress.noUnitsBelow')} />;

  const columns: ColumnsType<Row> = [
    {
      title: t('progress.item'),
      key: 'label',
      width: 220,
      onCell: (r) => (isGroup(r) ? { colSpan: units.length + 1 } : {}),
      render: (_, r) =>
        isGroup(r) ? (
          <GroupToggle
            id={r.key}
            testId={`units-group-${r.key}`}
            title={r.title}
            open={open.includes(r.key)}
            onToggle={toggle}
          />
        ) : (
          <span title={r.label}>{r.label.length > 48 ? `${r.label.slice(0, 47)}…` : r.label}</span>
        ),
    },
    ...units.map((u, index) => ({
      title: <Link to={`/tien-do?unit=${u.code}&year=${year}`}>{u.name}</Link>,
      key: u.code!,
      width: 96,
      onCell: (r: Row) => (isGroup(r) ? { colSpan: 0 } : {}),
      render: (_: unknown, r: Row) => {
        if (isGroup(r)) return null;
        const cell = r.cells[index];
        return (
          <span
            style={{ color: STATE_COLORS[cell?.state ?? 'no-target'], fontWeight: 600 }}
            title={cell?.state ? t(`progress.state.${cell.state}`) : undefined}
          >
            {percent(cell?.ratio, locale)}
          </span>
        );
      },
    })),
  ];

  return (
    <Flex vertical gap={8}>
      <FoldBar
        groups={groups.length}
        items={rows.reduce((n, g) => n + g.children.length, 0)}
        allOpen={allOpen}
        onToggleAll={toggleAll}
        testId="units-open-all"
      />
      <ScrollBox label={t('progress.unitsSideBySide')}>
        <Table<Row>
          size="small"
          rowKey="rowKey"
          loading={table.isFetching}
          pagination={false}
          data-testid="heat-table"
          dataSource={rows}
          expandable={{
            expandedRowKeys: open.map((k) => `group:${k}`),
            expandIcon: () => null,
            indentSize: 12,
          }}
          columns={columns}
        />
      </ScrollBox>
    </Flex>
  );
});
