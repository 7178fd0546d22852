import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/lib/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';

type Column = components['schemas']['AllocationColumn'];

/**
 * The units that were below the parent during the year and closed in it (a change of the map,
 * docs/adr/0011): the target they were given, read only and not in the sum; their successors are
 * the column's rows and take the year's share.
 */
export function ClosedDuringYear({ column }: { column: Column }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const closed = column.closedDuringYear ?? [];
  if (closed.length === 0) {
    return null;
  }
  const what = (row: (typeof closed)[number]) => {
    if (column.measure === 'activity') {
      return row.required ? t('targets.closed.mustDo') : t('targets.closed.notRequired');
    }
    if (row.value === undefined || row.value === null) {
      return row.required === false ? t('targets.notGiven') : t('targets.closed.none');
    }
    const suffix = column.measure === 'percentage' ? '%' : column.unit ? ` ${column.unit}` : '';
    return `${formatNumber(row.value, locale)}${suffix}`;
  };
  return (
    <Alert
      type="info"
      showIcon
      data-testid="closed-during-year"
      message={t('targets.closed.title', { year: column.year, count: closed.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {closed.map((row) => (
            <li key={row.unit!.code}>
              {row.unit?.name}{' '}
              <Typography.Text type="secondary">· {row.unit?.code}</Typography.Text>
              {row.unit?.validTo
                ? ` · ${t('targets.closed.until', { day: formatDate(row.unit.validTo, locale) })}`
                : ''}
              {' · '}
              {what(row)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
