import { withMessage } from '@/lib/messages-by-key';
import { useCallback, useMemo, useState } from 'react';
import type { components } from '@/lib/api/schema';
import type { RowUpdate } from '../api/allocation';

type AllocationColumn = components['schemas']['AllocationColumn'];
type Row = NonNullable<AllocationColumn['rows']>[number];

/** What a planner has typed for each unit below: a target, or "not given to this unit". */
export type Draft = Record<string, { value?: number | null; required?: boolean }>;

/** The column as saved, as a draft to edit. */
export function draftOf(rows: readonly Row[]): Draft {
  const out: Draft = {};
  for (const r of rows) out[r.unit!.code!] = { value: r.value ?? null, required: r.required };
  return out;
}

/** The rows whose target differs from what is saved, as the save sends them. */
export function changedRows(
  measure: AllocationColumn['measure'],
  rows: readonly Row[],
  draft: Draft,
): RowUpdate[] {
  return rows
    .map((r) => ({ code: r.unit!.code!, before: r, after: draft[r.unit!.code!] }))
    .filter(
      ({ before, after }) =>
        after &&
        ((measure === 'activity' && after.required !== before.required) ||
          (measure !== 'activity' &&
            ((after.value ?? null) !== (before.value ?? null) ||
              (after.required === false) !== (before.required === false)))),
    )
    .map(({ code, after }) =>
      measure === 'activity'
        ? { unitCode: code, required: Boolean(after!.required) }
        : after!.required === false
          ? { unitCode: code, required: false }
          : { unitCode: code, value: after!.value ?? undefined },
    );
}

/**
 * The column's state as typed, before it is saved: counts against the parent's target (exact,
 * under, over), rates by how many units got one; an activity's is the server's. Once saved, the
 * server's own answer (TargetRules) replaces it: this is only the preview while typing.
 */
export function liveStatus(
  measure: AllocationColumn['measure'],
  rows: readonly Row[],
  draft: Draft,
  parentValue: number | null | undefined,
  saved: string | undefined,
): string | undefined {
  const values = Object.values(draft).filter((r) => typeof r.value === 'number');
  if (measure === 'count') {
    if (values.length === 0) return 'unallocated';
    if (typeof parentValue !== 'number') return 'no-parent-target';
    const difference = parentValue - sumOf(draft);
    return difference > 0 ? 'under' : difference < 0 ? 'over' : 'exact';
  }
  if (measure === 'percentage') {
    if (values.length === 0) return 'unallocated';
    const notGiven = Object.values(draft).filter((r) => r.required === false).length;
    return values.length < rows.length - notGiven ? 'partial' : 'complete';
  }
  return saved;
}

export function sumOf(draft: Draft): number {
  return Object.values(draft).reduce((s, r) => s + (typeof r.value === 'number' ? r.value : 0), 0);
}

/**
 * A column being edited: the draft (from the saved column, the version it is mounted for), the
 * numbers typed that cannot be taken, the running sum, what is left to give and the state as
 * typed, and the rows that would change.
 */
export function useColumnDraft(column: AllocationColumn) {
  const rows = useMemo(() => column.rows ?? [], [column.rows]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(rows));
  // numbers typed that cannot be taken, by unit code (and 'perUnit' for the fill value)
  const [problems, setProblems] = useState<Record<string, string>>({});
  const problem = useCallback(
    (code: string) => (message: string | undefined) =>
      setProblems((current) => withMessage(current, code, message)),
    [],
  );
  const setRow = useCallback(
    (code: string, row: Draft[string]) => setDraft((d) => ({ ...d, [code]: row })),
    [],
  );
  /** A fill proposal from the server, over what is typed. */
  const propose = useCallback(
    (proposal: { unitCode: string; value?: number | null; required?: boolean }[]) =>
      setDraft((d) => {
        const next = { ...d };
        for (const r of proposal)
          next[r.unitCode] = { value: r.value ?? null, required: r.required };
        return next;
      }),
    [],
  );
  const sum = useMemo(() => sumOf(draft), [draft]);
  const parentValue = column.parentTarget?.value;
  return {
    draft,
    setRow,
    propose,
    problems,
    problem,
    problemCount: Object.keys(problems).length,
    sum,
    difference: typeof parentValue === 'number' ? parentValue - sum : undefined,
    status: liveStatus(column.measure, rows, draft, parentValue, column.status),
    changes: changedRows(column.measure, rows, draft),
  };
}
