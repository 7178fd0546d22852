import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { periodLabel } from '@/lib/period';

export type PeriodOption = {
  code?: string;
  kind?: string;
  year?: number;
  number?: number | null;
  state?: string;
  dueOn?: string;
};

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The period a report opens on: the open one due soonest (not yet past due), so the year report due
 * 30/11 comes before the half-year due 15/12; else the open one due last; else the last period.
 */
export function defaultPeriod(periods: PeriodOption[], today = new Date()): string | undefined {
  const day = isoDay(today);
  const open = periods.filter((p) => p.state === 'open');
  const byDue = (a: PeriodOption, b: PeriodOption) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '');
  const upcoming = open.filter((p) => (p.dueOn ?? '') >= day).sort(byDue);
  const overdue = open.filter((p) => (p.dueOn ?? '') < day).sort(byDue);
  return (
    upcoming[0]?.code ?? overdue[overdue.length - 1]?.code ?? periods[periods.length - 1]?.code
  );
}

export function PeriodSelect({
  periods,
  value,
  onChange,
}: {
  periods: PeriodOption[];
  value?: string;
  onChange: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const sorted = [...periods].sort(
    (a, b) =>
      Number(b.state === 'open') - Number(a.state === 'open') ||
      (b.code ?? '').localeCompare(a.code ?? ''),
  );
  return (
    <Select
      aria-label={t('reports.periodLabel')}
      data-testid="period-select"
      style={{ minWidth: 240, maxWidth: '100%' }}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      options={sorted.map((p) => ({
        value: p.code,
        label: `${periodLabel(p, t)} · ${
          p.state === 'open'
            ? t('reports.period.openUntil', {
                date: formatDate(p.dueOn ?? '', intlLocale(i18n.language)),
              })
            : t('reports.period.closed')
        }`,
      }))}
    />
  );
}
