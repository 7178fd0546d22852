import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import type { ProgressItem } from '../api/progress';
import { groupItems, type ItemGroup } from '../lib/groups';
import { achievedText, percent, targetText } from '../lib/progress-text';
import { FoldedTable } from './folded-table';
import { StateTag } from './state-tag';

type ItemRow = ProgressItem & { rowKey: string };

/**
 * The items of a year folded by chỉ tiêu or task group: a row per group with how many of its
 * items are behind, ahead or on track, opened one at a time (or all at once). A phone draws the
 * dozen group rows, not every item of the plan.
 */
export const ItemsByGroup = memo(function ItemsByGroup({
  items,
  loading,
  selected,
  onItem,
}: {
  items: ProgressItem[];
  loading: boolean;
  /** The item whose figures are open: its group starts open. */
  selected?: string;
  onItem: (itemKey: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const groups = useMemo(() => groupItems(items), [items]);

  const columns: ColumnsType<ItemRow> = [
    {
      title: t('progress.item'),
      key: 'label',
      render: (_, r) => (
        <span>
          {r.label}
          {r.subtree?.pendingUnits ? (
            <Tag style={{ marginInlineStart: 6 }}>
              {t('progress.pending', { count: r.subtree.pendingUnits })}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('progress.target'),
      key: 'target',
      width: 130,
      render: (_, r) =>
        r.target?.source === 'amended' ? (
          <span>
            {targetText(r, t, locale)}{' '}
            <Typography.Text type="secondary">({t('plan.amend.tag')})</Typography.Text>
          </span>
        ) : (
          targetText(r, t, locale)
        ),
    },
    {
      title: t('progress.achieved'),
      key: 'value',
      width: 140,
      render: (_, r) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          data-testid={`achieved-${r.itemKey}`}
          onClick={() => onItem(r.itemKey!)}
        >
          {achievedText(r, t, locale)}
        </Button>
      ),
    },
    {
      title: t('progress.ratio'),
      key: 'ratio',
      width: 90,
      responsive: ['sm'],
      render: (_, r) => percent(r.ratio, locale),
    },
    {
      title: t('progress.stateLabel'),
      key: 'state',
      width: 120,
      render: (_, r) => <StateTag state={r.state} />,
    },
  ];

  return (
    <FoldedTable
      groups={groups}
      rowsOf={rowsOf}
      columns={columns}
      selected={selected}
      counts
      loading={loading}
      testId="progress-items"
      groupTestId="progress-group-"
      openAllTestId="progress-open-all"
    />
  );
});

const rowsOf = (group: ItemGroup<ProgressItem>): ItemRow[] =>
  group.items.map((i) => ({ ...i, rowKey: i.itemKey! }));
