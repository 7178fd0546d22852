import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import type { ProgressItem } from '../api/progress';
import { useOpenGroups } from '../hooks/use-open-groups';
import { groupItems, type ItemGroup } from '../lib/groups';
import { achievedText, percent, targetText } from '../lib/progress-text';
import { FoldBar, GroupToggle } from './group-toggle';
import { StateTag } from './state-tag';

type GroupRow = { rowKey: string; fold: ItemGroup<ProgressItem>; children: ItemRow[] };
type ItemRow = ProgressItem & { rowKey: string };
type Row = GroupRow | ItemRow;

// an item row has a `group` field of its own (the chỉ tiêu it is in): told apart by `fold`
const isGroup = (r: Row): r is GroupRow => 'fold' in r;

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
  const { open, toggle, allOpen, toggleAll } = useOpenGroups(groups, selected);
  const rows = useMemo<GroupRow[]>(
    () =>
      groups.map((group) => ({
        rowKey: `group:${group.key}`,
        fold: group,
        children: group.items.map((i) => ({ ...i, rowKey: i.itemKey! })),
      })),
    [groups],
  );

  const columns: ColumnsType<Row> = [
    {
      title: t('progress.item'),
      key: 'label',
      onCell: (r) => (isGroup(r) ? { colSpan: 5 } : {}),
      render: (_, r) =>
        isGroup(r) ? (
          <GroupToggle
            id={r.fold.key}
            testId={`progress-group-${r.fold.key}`}
            title={r.fold.title}
            counts={r.fold.counts}
            open={open.includes(r.fold.key)}
            onToggle={toggle}
          />
        ) : (
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
      onCell: (r) => (isGroup(r) ? { colSpan: 0 } : {}),
      render: (_, r) =>
        isGroup(r) ? null : r.target?.source === 'amended' ? (
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
      onCell: (r) => (isGroup(r) ? { colSpan: 0 } : {}),
      render: (_, r) =>
        isGroup(r) ? null : (
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
      onCell: (r) => (isGroup(r) ? { colSpan: 0 } : {}),
      render: (_, r) => (isGroup(r) ? null : percent(r.ratio, locale)),
    },
    {
      title: t('progress.stateLabel'),
      key: 'state',
      width: 120,
      onCell: (r) => (isGroup(r) ? { colSpan: 0 } : {}),
      render: (_, r) => (isGroup(r) ? null : <StateTag state={r.state} />),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <FoldBar
        groups={groups.length}
        items={items.length}
        allOpen={allOpen}
        onToggleAll={toggleAll}
        testId="progress-open-all"
      />
      <Table<Row>
        size="small"
        rowKey="rowKey"
        loading={loading}
        pagination={false}
        dataSource={rows}
        data-testid="progress-items"
        expandable={{
          expandedRowKeys: open.map((k) => `group:${k}`),
          expandIcon: () => null,
          indentSize: 12,
        }}
        columns={columns}
      />
    </Flex>
  );
});
