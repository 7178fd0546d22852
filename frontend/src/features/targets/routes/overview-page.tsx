import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useOverview } from '../api/allocation';
import { useParentChoices, usePlanContext } from '../api/context';
import { BatchActions } from '../components/batch-actions';
import { StatusTag } from '../components/status-tag';
import { defaultYear, YearUnitSelects } from '../components/year-unit-selects';

/** Every item of a unit's year: its own target and how far it is allocated below. */
export function TargetOverviewPage() {
  const { t, i18n } = useTranslation();
  const { get, select } = useSelection();
  const me = useMe();
  const { plan, plans } = usePlanContext(get('plan'));
  const parents = useParentChoices(me.data?.orgUnitCode, me.data?.orgUnit?.level);
  const years = plan?.years ?? [];
  const year = get('year') ?? defaultYear(years);
  const unit = get('unit') ?? me.data?.orgUnitCode ?? undefined;
  const overview = useOverview(plan?.code, year, unit);
  const locale = intlLocale(i18n.language);

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan) return <Empty description={t('plan.none')} />;

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('targets.overviewHeading')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <YearUnitSelects
          years={years}
          year={year}
          onYear={(v) => select({ year: v })}
          unit={unit}
          onUnit={(v) => select({ unit: v })}
          own={me.data?.orgUnit ?? undefined}
          below={parents.data ?? []}
        />
      </Flex>
      {plan.code &&
        unit &&
        unit === me.data?.orgUnitCode &&
        me.data.allowed?.includes('allocate') && (
          <BatchActions plan={plan.code} unit={unit} year={Number(year)} years={years} />
        )}
      {overview.isError && (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      )}
      <Table
        size="small"
        rowKey="itemKey"
        loading={overview.isFetching}
        pagination={false}
        dataSource={overview.data ?? []}
        columns={[
          { title: t('plan.code'), dataIndex: 'itemCode', width: 80 },
          {
            title: t('plan.title'),
            render: (_, r) => (
              <Link
                to={`/chi-tieu?item=${encodeURIComponent(r.itemKey!)}&year=${year}&parent=${unit}`}
              >
                {r.itemTitle}
              </Link>
            ),
          },
          {
            title: t('targets.target'),
            width: 120,
            render: (_, r) =>
              r.measure === 'activity'
                ? t(r.target?.required ? 'targets.mustDo' : 'targets.notScheduled')
                : r.target?.value !== undefined
                  ? `${formatNumber(r.target.value, locale)}${r.measure === 'percentage' ? '%' : ''}`
                  : '–',
          },
          {
            title: t('targets.sum'),
            width: 100,
            responsive: ['md'],
            render: (_, r) => (r.sum === undefined ? '' : formatNumber(r.sum, locale)),
          },
          {
            title: t('targets.withTarget'),
            width: 110,
            responsive: ['md'],
            render: (_, r) => `${r.unitsWithTarget}/${r.childUnits}`,
          },
          {
            title: t('targets.state'),
            width: 140,
            render: (_, r) => <StatusTag status={r.status} />,
          },
        ]}
      />
    </Flex>
  );
}
