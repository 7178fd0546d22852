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

/** The period a report is for: open ones first, the current half-year preselected. */
export function defaultPeriod(periods: PeriodOption[], today = new Date()): string | undefined {
  const open = periods.filter((p) => p.state === 'open');
  const half = `${today.getFullYear()}-H${today.getMonth() < 6 ? 1 : 2}`;
  return (
    open.find((p) => p.code === half)?.code ??
    open.find((p) => p.kind === 'half')?.code ??
    open[0]?.code ??
    periods[periods.length - 1]?.code
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
