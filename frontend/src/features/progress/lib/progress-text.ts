import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format';
import type { ProgressItem } from '../api/progress';

/** A ratio as a percentage in the reader's language; a dash when there is none. */
export function percent(ratio: number | null | undefined, locale: string): string {
  if (ratio == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

/** What the unit and the units below it achieved: a number, a percentage or activities done. */
export function achievedText(i: ProgressItem, t: TFunction, locale: string): string {
  const s = i.subtree;
  if (!s) return '—';
  if (i.measure === 'activity') {
    return t('progress.activityDone', { done: s.activity?.done ?? 0, due: s.activity?.due ?? 0 });
  }
  if (s.value == null) return '—';
  return `${formatNumber(s.value, locale)}${i.measure === 'percentage' ? ' %' : ''}`;
}

/** The target of the year, or whether an activity must be carried out. */
export function targetText(i: ProgressItem, t: TFunction, locale: string): string {
  if (i.measure === 'activity') {
    return i.target?.required ? t('reports.target.required') : '—';
  }
  return i.target?.value != null
    ? `${formatNumber(i.target.value, locale)}${i.measure === 'percentage' ? ' %' : ''}`
    : t('progress.noTarget');
}

/** The years a plan covers, this year if it is one of them, else its last. */
export function defaultYear(years: readonly number[], thisYear: number): number {
  return years.includes(thisYear) ? thisYear : (years[years.length - 1] ?? thisYear);
}
