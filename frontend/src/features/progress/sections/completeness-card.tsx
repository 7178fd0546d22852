import { Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { periodLabel } from '@/lib/period';
import { usePlanPeriods } from '@/lib/api/shared-reads';
import { useCompleteness } from '../api/progress';

/**
 * Who reported for a period of the year: expected, approved, submitted, returned, late, missing,
 * and the units still missing. The period is the one chosen, else the year's due soonest.
 */
export function CompletenessCard({
  plan,
  unit,
  year,
  period: chosen,
  onPeriod,
}: {
  plan: string;
  unit: string;
  year: number;
  period?: string;
  onPeriod: (period: string) => void;
}) {
  const { t } = useTranslation();
  const periods = usePlanPeriods(plan);
  const inYear = (periods.data?.items ?? []).filter((p) => p.year === year);
  const period =
    chosen ??
    [...inYear]
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
      .find((p) => p.kind !== 'quarter')?.code;
  const completeness = useCompleteness(plan, unit, period);
  if (!period) return null;
  const c = completeness.data;
  return (
    <Card
      size="small"
      title={t('progress.completeness')}
      extra={
        <Select
          aria-label={t('reports.periodLabel')}
          style={{ width: 220 }}
          value={period}
          onChange={onPeriod}
          options={inYear.map((p) => ({ value: p.code, label: periodLabel(p, t) }))}
        />
      }
    >
      {completeness.error ? <QueryError error={completeness.error} /> : null}
      {c ? (
        <Flex vertical gap={8} data-testid="completeness">
          <Space wrap>
            <Tag>{t('progress.expected', { count: c.expected })}</Tag>
            <Tag color="#237804">{t('progress.approvedCount', { count: c.approved })}</Tag>
            <Tag color="#0958d9">{t('progress.submittedCount', { count: c.submitted })}</Tag>
            <Tag color="#ad4e00">{t('progress.returnedCount', { count: c.returned })}</Tag>
            <Tag color="#a8071a">{t('progress.lateCount', { count: c.late })}</Tag>
            <Tag>{t('progress.missingCount', { count: c.missing })}</Tag>
          </Space>
          {(c.missing ?? 0) > 0 ? (
            <Typography.Text type="secondary">
              {t('progress.missingList', {
                units: (c.units ?? [])
                  .filter((u) => u.state === 'none')
                  .map((u) => u.unit?.name)
                  .join(', '),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
