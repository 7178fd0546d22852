// How a reporting period is named to people: "6 tháng 2/2026", "Quý 3/2025", "Năm 2024".

type Translate = (key: string, options?: Record<string, unknown>) => string;

export type PeriodLike = { kind?: string; year?: number; number?: number | null };

export function periodLabel(p: PeriodLike, t: Translate) {
  if (p.kind === 'half') return t('reports.period.half', { year: p.year, number: p.number });
  if (p.kind === 'quarter') return t('reports.period.quarter', { year: p.year, number: p.number });
  return t('reports.period.year', { year: p.year });
}

/** The label of a period from its code alone: "2026-H2" → "6 tháng 2/2026". */
export function labelOfCode(code: string, t: Translate): string {
  const m = /^(\d{4})(?:-([HQ])(\d))?$/.exec(code);
  if (!m) return code;
  const kind = m[2] === 'H' ? 'half' : m[2] === 'Q' ? 'quarter' : 'year';
  return periodLabel({ kind, year: Number(m[1]), number: m[3] ? Number(m[3]) : null }, t);
}
