import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/lib/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';

type Term = components['schemas']['TermAssessment'];
type TermYear = components['schemas']['TermYear'];

/** "2022–2024", or "2024" for one year. */
function span(years: number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/**
 * What the term's figures cover across a change of the map (docs/adr/0011): the years carried
 * from the units this one came from, the split units whose figures cannot be divided, and the
 * units that came from outside the system with no figures before the change.
 */
export function TermCoverage({ term }: { term: Term | undefined }) {
  const { t } = useTranslation();
  const carried = term?.carried ?? [];
  const gaps = term?.gaps ?? [];
  if (carried.length === 0 && gaps.length === 0) {
    return null;
  }
  const last = carried[carried.length - 1];
  const from = last?.from ?? [];
  const onSystem = from.filter((u) => u.onSystem);
  const outside = from.filter((u) => !u.onSystem);
  const split = onSystem.filter((u) => (u.alsoInto ?? []).length > 0);
  return (
    <Flex vertical gap={8} data-testid="term-coverage">
      {carried.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('progress.carried.title', {
            years: span(carried.map((c) => c.year!)),
          })}
          description={
            <Flex vertical gap={4}>
              <Typography.Text>
                {t('progress.carried.from', {
                  units: onSystem.map((u) => u.name).join(', ') || '—',
                })}
              </Typography.Text>
              {split.map((u) => (
                <Typography.Text key={u.code} type="secondary">
                  {t('progress.carried.split', {
                    unit: u.name,
                    others: (u.alsoInto ?? []).join(', '),
                  })}
                </Typography.Text>
              ))}
              {carried.some((c) => c.imported) ? (
                <Typography.Text>
                  {t('progress.carried.imported', {
                    years: carried
                      .filter((c) => c.imported)
                      .map((c) => c.year)
                      .join(', '),
                  })}
                </Typography.Text>
              ) : null}
              {outside.length > 0 ? (
                <Typography.Text type="secondary">
                  {t('progress.carried.outside', { units: outside.map((u) => u.name).join(', ') })}
                </Typography.Text>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      {gaps.map((g) => (
        <Alert
          key={g.day}
          type="info"
          showIcon
          message={t('progress.gap', {
            day: formatDate(g.day ?? ''),
            units: g.units,
            predecessors: g.predecessors,
          })}
        />
      ))}
    </Flex>
  );
}

/** One leaf's years: the figure against the target, a carried year marked. */
export function TermYears({ years, measure }: { years: TermYear[]; measure?: string }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const show = (v?: number | null) => (v == null ? '—' : formatNumber(v, locale));
  return (
    <Flex wrap gap={8} data-testid="term-years">
      {years.map((y) => (
        <Flex key={y.year} vertical gap={2} style={{ minWidth: 110 }}>
          <Typography.Text strong>{y.year}</Typography.Text>
          <Typography.Text>
            {show(y.value)}
            {measure === 'activity' ? '' : ` / ${show(y.target)}`}
          </Typography.Text>
          {y.carried ? <Tag>{t('progress.carried.tag')}</Tag> : null}
          {y.amended ? <Tag>{t('plan.amend.tag')}</Tag> : null}
        </Flex>
      ))}
    </Flex>
  );
}
