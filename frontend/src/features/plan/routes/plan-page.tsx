import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useSelection, type SelectionKey } from '@/lib/selection';
import type { PlanItem } from '@/lib/api/types';
import { useDepartments } from '@/lib/api/shared-reads';
import { usePlanTree, type PlanItemFilter } from '../api/get-plan-tree';
import { usePlan } from '@/lib/api/plans';
import { useExportPlan } from '../api/export-plan';
import { ImportModal } from '../components/import-modal';
import { ItemDrawer } from '../components/item-drawer';
import { PlanCards } from '../components/plan-cards';
import { TermLockCard } from '../components/term-lock';

const FILTERS = ['kind', 'department', 'level', 'year', 'q'] as const;

function allKeys(items: PlanItem[]): string[] {
  return items.flatMap((i) => (i.children?.length ? [i.key!, ...allKeys(i.children)] : []));
}

/** The plan as the union knows it: a tree table with the five year columns. */
export function PlanPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const { plans, plan: shown } = usePlan(get('plan'));
  const departments = useDepartments();
  const exportPlan = useExportPlan();
  const [importOpen, setImportOpen] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  const planId = shown?.code;
  const plan = shown;
  const filter: PlanItemFilter = Object.fromEntries(
    FILTERS.map((f) => [f, get(f)]).filter(([, v]) => v),
  );
  const tree = usePlanTree(planId, filter);
  const phone = !Grid.useBreakpoint().md;
  const expanded = useMemo(
    () => allKeys(tree.data ?? []).filter((k) => !collapsed.has(k)),
    [tree.data, collapsed],
  );

  const setParam = (name: SelectionKey, value: string | undefined) => select({ [name]: value });

  if (plans.isPending) return <PageLoading />;
  if (plans.isError) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!plan) return <Empty description={t('plan.none')} />;

  const years = plan.years ?? [];
  const columns: ColumnsType<PlanItem> = [
    {
      title: t('plan.code'),
      dataIndex: 'code',
      width: 72,
      render: (c?: string) => <span style={{ whiteSpace: 'nowrap' }}>{c ?? ''}</span>,
    },
    {
      title: t('plan.title'),
      dataIndex: 'title',
      render: (title: string, item) => {
        const strong = item.kind === 'section' || item.kind === 'group';
        return (
          <div>
            <Typography.Text strong={strong}>{title}</Typography.Text>
            {item.footnotes?.map((f) => (
              <sup key={f.number}> {f.number}</sup>
            ))}
          </div>
        );
      },
    },
    ...years.map((year, index) => ({
      title: String(year),
      key: `y${year}`,
      width: 58,
      align: 'center' as const,
      responsive: ['md' as const],
      render: (_: unknown, item: PlanItem) => item.years?.[index]?.raw ?? '',
    })),
    {
      title: t('plan.implementingLevel'),
      dataIndex: 'implementingLevel',
      width: 110,
      responsive: ['xl'],
    },
    {
      title: t('plan.lead'),
      key: 'lead',
      width: 100,
      responsive: ['md'],
      render: (_: unknown, item) =>
        item.departments?.map((d) => (
          <Tag key={d.code} color="magenta" title={item.lead}>
            {d.shortName}
          </Tag>
        )),
    },
    // Coordinators and funding are long texts: they live in the item's panel, so titles get room.
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('plan.heading')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {plan.number} · {plan.subtitle ?? plan.title}
          </Typography.Text>
        </div>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={exportPlan.isPending}
            onClick={() => exportPlan.mutate(plan.code!)}
          >
            {t('plan.download')}
          </Button>
          {plan.allowed?.includes('import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('plan.import.open')}
            </Button>
          )}
        </Space>
      </Flex>

      <TermLockCard plan={plan} />

      <Flex wrap gap={8} role="search" aria-label={t('plan.filters')}>
        <Input.Search
          allowClear
          placeholder={t('plan.search')}
          aria-label={t('plan.search')}
          defaultValue={filter.q}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          aria-label={t('plan.kindFilter')}
          placeholder={t('plan.kindFilter')}
          value={filter.kind}
          onChange={(v) => setParam('kind', v)}
          style={{ width: 150 }}
          options={['leaf', 'group'].map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))}
        />
        <Select
          allowClear
          aria-label={t('plan.lead')}
          placeholder={t('plan.lead')}
          value={filter.department}
          onChange={(v) => setParam('department', v)}
          style={{ width: 170 }}
          options={departments.data?.map((d) => ({ value: d.code, label: d.shortName }))}
        />
        <Select
          allowClear
          aria-label={t('plan.implementingLevel')}
          placeholder={t('plan.implementingLevel')}
          value={filter.level}
          onChange={(v) => setParam('level', v)}
          style={{ width: 150 }}
          options={['1', '2', '3'].map((l) => ({ value: l, label: t(`level.${l}`) }))}
        />
        <Select
          allowClear
          aria-label={t('plan.yearFilter')}
          placeholder={t('plan.yearFilter')}
          value={filter.year}
          onChange={(v) => setParam('year', v)}
          style={{ width: 150 }}
          options={years.map((y) => ({
            value: String(y),
            label: t('plan.scheduledIn', { year: y }),
          }))}
        />
        {FILTERS.some((f) => get(f)) && (
          <Button onClick={() => select(Object.fromEntries(FILTERS.map((f) => [f, null])))}>
            {t('plan.clearFilters')}
          </Button>
        )}
      </Flex>

      {tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : phone ? (
        <PlanCards
          items={tree.data ?? []}
          onOpen={(key) => setParam('item', key)}
          empty={t('plan.noMatch')}
        />
      ) : (
        <Table<PlanItem>
          className="plan-table"
          indentSize={8}
          size="small"
          bordered
          rowKey="key"
          loading={tree.isFetching}
          dataSource={tree.data ?? []}
          columns={columns}
          pagination={false}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, item) => {
              const next = new Set(collapsed);
              if (open) next.delete(item.key!);
              else next.add(item.key!);
              setCollapsed(next);
            },
          }}
          onRow={(item) => ({
            onClick: () => setParam('item', item.key),
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: t('plan.noMatch') }}
        />
      )}

      <ItemDrawer
        planId={plan.code!}
        itemKey={get('item')}
        canEdit={Boolean(plan.allowed?.includes('edit'))}
        onClose={() => setParam('item', undefined)}
      />
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </Flex>
  );
}
