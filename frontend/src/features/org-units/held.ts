import { labelOfCode } from '@/lib/period';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The first period of the data a closed unit holds, as people name it ("6 tháng cuối năm 2025",
 * never the code "2025-H2"); for targets, the year as it is.
 */
export function firstOf(held: { kind?: string; first?: string | null }, t: Translate): string {
  return held.kind === 'reports' && held.first ? labelOfCode(held.first, t) : (held.first ?? '');
}
