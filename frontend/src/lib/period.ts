// How a reporting period is named to people: "6 tháng cuối năm 2026", "Quý III/2025", "Năm 2024";
// never "6 tháng 2/2026", which reads as the date 6 February 2026, and never the code "2026-H2".

type Translate = (key: string, options?: Record<string, unknown>) => string;

export type PeriodLike = { kind?: string; year?: number; number?: number | null };

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodLabel(p: PeriodLike, t: Translate) {
  if (p.kind === 'half') {
    return t(p.number === 1 ? 'reports.period.firstHalf' : 'reports.period.secondHalf', {
      year: p.year,
    });
  }
  if (p.kind === 'quarter') {
    return t('reports.period.quarter', {
      year: p.year,
      number: p.number,
      roman: ROMAN[(p.number ?? 1) - 1],
    });
  }
  return t('reports.period.year', { year: p.year });
}

/** The label of a period from its code alone: "2026-H2" → "6 tháng cuối năm 2026". */
export function labelOfCode(code: string, t: Translate): string {
  const m = /^(\d{4})(?:-([HQ])(\d))?$/.exec(code);
  if (!m) return code;
  const kind = m[2] === 'H' ? 'half' : m[2] === 'Q' ? 'quarter' : 'year';
  return periodLabel({ kind, year: Number(m[1]), number: m[3] ? Number(m[3]) : null }, t);
}

/** Whole days from today (the browser's day) to a due date "yyyy-mm-dd"; negative when past. */
export function daysLeft(dueOn: string, today = new Date()): number {
  const [y, m, d] = dueOn.split('-').map(Number);
  const due = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((due - now) / 86_400_000);
}
