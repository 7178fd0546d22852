import { Empty, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { useAllocation, useSaveAllocation, type AllocationKey } from '../api/allocation';
import { useParentChoices, usePlanContext } from '../api/context';
import { SheetPanel } from '../components/sheet-panel';
import { defaultYear, YearUnitSelects } from '../components/year-unit-selects';
import { ColumnEditor } from '../sections/column-editor';

/** The allocation editor: one item, one year, the parent's target on top, a row per child unit. */
export function AllocationPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const me = useMe();
  const { plan, allocatable, plans } = usePlanContext(get('plan'));
  const parents = useParentChoices(me.data?.orgUnitCode, me.data?.orgUnit?.level);
  const years = plan?.years ?? [];

  const item = get('item') ?? allocatable[0]?.key;
  const year = get('year') ?? defaultYear(years);
  const parent = get('parent') ?? me.data?.orgUnitCode ?? undefined;
  const key: AllocationKey | undefined =
    plan?.code && item && year && parent ? { plan: plan.code, item, year, parent } : undefined;

  const allocation = useAllocation(key);
  // The mutation lives here: the editor below is remounted for every new column version.
  const save = useSaveAllocation(key);
  const column = allocation.data?.column;
  const canEdit = Boolean(column?.allowed?.includes('allocate'));

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan) return <Empty description={t('plan.none')} />;
  if ((me.data?.orgUnit?.level ?? 3) >= 3) {
    return <Empty description={t('targets.nobodyBelow')} />;
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('targets.heading')}
        </Typography.Title>
        <Space wrap>
          {plan.code && year && parent && (
            <SheetPanel plan={plan.code} year={year} parent={parent} canEdit={canEdit} />
          )}
          <Link to={`/chi-tieu/tong-quan?year=${year}&unit=${parent ?? ''}`}>
            {t('targets.toOverview')}
          </Link>
        </Space>
      </Flex>
      <Flex wrap gap={8}>
        <Select
          showSearch
          aria-label={t('targets.item')}
          style={{ minWidth: 280, flex: 1 }}
          value={item}
          optionFilterProp="label"
          onChange={(v) => select({ item: v })}
          options={allocatable.map((i) => ({
            value: i.key,
            label: `${i.code ?? i.key} ${i.title}`,
          }))}
        />
        <YearUnitSelects
          years={years}
          year={year}
          onYear={(v) => select({ year: v })}
          unit={parent}
          onUnit={(v) => select({ parent: v })}
          own={me.data?.orgUnit ?? undefined}
          below={parents.data ?? []}
        />
      </Flex>

      {allocation.isError && (
        <QueryError error={allocation.error} onRetry={() => void allocation.refetch()} />
      )}
      {column && key && allocation.data && (
        <ColumnEditor
          key={`${allocation.data.etag}|${column.itemKey}|${column.year}|${column.parent?.code}`}
          allocationKey={key}
          column={column}
          etag={allocation.data.etag}
          canEdit={canEdit}
          save={save}
        />
      )}
    </Flex>
  );
}
