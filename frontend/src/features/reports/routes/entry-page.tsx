import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlanPeriods } from '@/lib/api/shared-reads';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { defaultPeriod, PeriodSelect } from '../components/period-select';
import { ReportEditor } from '../sections/report-editor';

/** Data entry: a unit's values for one period, saved as a draft, then submitted for review. */
export function EntryPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const me = useMe();
  const { plan, plans } = usePlan(get('plan'));
  const periods = usePlanPeriods(plan?.code);
  const period = get('period') ?? defaultPeriod(periods.data?.items ?? []);
  const unit = get('unit') ?? me.data?.orgUnitCode ?? undefined;

  if (plans.isPending || me.isPending || periods.isPending) return <PageLoading />;
  if (plans.error || periods.error) {
    return <QueryError error={plans.error ?? periods.error} onRetry={() => void plans.refetch()} />;
  }
  if (!plan?.code) return <Empty description={t('plan.noPlan')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Flex vertical gap={4}>
        <PeriodSelect
          periods={periods.data?.items ?? []}
          value={period}
          onChange={(code) => select({ period: code })}
        />
        {/^\d{4}(-H\d)?$/.test(period ?? '') ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('reports.period.relation', { year: period!.slice(0, 4) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {period && unit ? (
        <ReportEditor
          key={`${plan.code}.${period}.${unit}`}
          formKey={{ plan: plan.code, period, unit }}
        />
      ) : null}
    </Flex>
  );
}
