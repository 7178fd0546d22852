import { Empty } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { intlLocale } from '@/lib/i18n';
import { useProgress, useProgressTable, type ProgressItem } from '../api/progress';
import { FoldedTable } from '../components/folded-table';
import { STATE_COLORS } from '../components/state-tag';
import { groupItems, type ItemGroup } from '../lib/groups';
import { percent } from '../lib/progress-text';
import { ofDepartment } from './year-section';

type Cell = { state?: string; ratio?: number | null };
type ItemRow = { rowKey: string; label: string; cells: Cell[] };

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
  const rowsOf = useMemo(() => {
    const byKey = new Map((table.data?.rows ?? []).map((r) => [r.itemKey, r]));
    return (group: ItemGroup<ProgressItem>): ItemRow[] =>
      group.items.flatMap((i) => {
        const r = byKey.get(i.itemKey);
        return r ? [{ rowKey: i.itemKey!, label: r.label ?? '', cells: r.cells ?? [] }] : [];
      });
  }, [table.data?.rows]);

  if (table.error) return <QueryError error={table.error} onRetry={() => void table.refetch()} />;
  if (table.data && units.length === 0) return <Empty description={t('progress.noUnitsBelow')} />;

  const columns: ColumnsType<ItemRow> = [
    {
      title: t('progress.item'),
      key: 'label',
      width: 220,
      render: (_, r) => (
        <span title={r.label}>{r.label.length > 48 ? `${r.label.slice(0, 47)}…` : r.label}</span>
      ),
    },
    ...units.map((u, index) => ({
      title: <Link to={`/tien-do?unit=${u.code}&year=${year}`}>{u.name}</Link>,
      key: u.code!,
      width: 96,
      render: (_: unknown, r: ItemRow) => {
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
    <FoldedTable
      groups={groups}
      rowsOf={rowsOf}
      columns={columns}
      loading={table.isFetching}
      testId="heat-table"
      groupTestId="units-group-"
      openAllTestId="units-open-all"
      wrap={(folded) => <ScrollBox label={t('progress.unitsSideBySide')}>{folded}</ScrollBox>}
    />
  );
});
