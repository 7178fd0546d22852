import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';
import { StatusTag } from '../components/status-tag';

type AllocationColumn = components['schemas']['AllocationColumn'];

type Props = {
  column: AllocationColumn;
  /** What is typed so far, added up (counts). */
  sum: number;
  /** The parent's target less the sum; absent without a target. */
  difference: number | undefined;
  /** The column's state as typed. */
  status: string | undefined;
};

/** The column's head: the parent's target, the running sum, what is left to give, the state. */
export function ColumnTotals({ column, sum, difference, status }: Props) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const measure = column.measure;
  const parentValue = column.parentTarget?.value;
  const unitWord = column.unit ? ` ${column.unit}` : '';
  return (
    // The totals stay in view while the rows are scrolled on a phone.
    <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5 }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {column.itemCode} {column.itemTitle}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
        <Descriptions.Item label={t('targets.parentTarget', { unit: column.parent?.name })}>
          <strong data-testid="parent-target">
            {measure === 'activity'
              ? column.parentTarget?.source === 'default'
                ? t('targets.byLevel', {
                    what: t(
                      column.parentTarget?.required ? 'targets.mustDo' : 'targets.notRequired',
                    ),
                  })
                : t(column.parentTarget?.required ? 'targets.mustDo' : 'targets.notScheduled')
              : parentValue !== undefined
                ? `${formatNumber(parentValue, locale)}${measure === 'percentage' ? '%' : ''}`
                : t('targets.noTarget')}
          </strong>
          {column.unit && measure === 'count' && (
            <span style={{ marginLeft: 4 }}>{column.unit}</span>
          )}
        </Descriptions.Item>
        {measure === 'count' && (
          <>
            <Descriptions.Item label={t('targets.sum')}>
              <strong data-testid="running-sum">{formatNumber(sum, locale)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('targets.difference')}>
              <span data-testid="difference">
                {difference === undefined
                  ? '–'
                  : difference < 0
                    ? t('targets.overBy', {
                        n: formatNumber(-difference, locale),
                        unit: unitWord,
                      })
                    : difference > 0
                      ? t('targets.leftToGive', {
                          n: formatNumber(difference, locale),
                          unit: unitWord,
                        })
                      : t('targets.allGiven')}
              </span>
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('targets.state')}>
          <span data-testid="live-status">
            <StatusTag status={status} />
          </span>
          {column.missing ? t('targets.missing', { count: column.missing }) : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
