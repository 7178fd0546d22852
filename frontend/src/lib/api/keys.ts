// The query keys of the reads several features share, one factory each: the first element is
// the root a mutation names in `meta.invalidates` (data-changes.ts), so invalidating a root
// reaches every key made here. A key is never written by hand outside these factories.

export const planKeys = {
  all: ['plans'] as const,
  /** The plans the caller may read. */
  list: () => ['plans'] as const,
};

export const periodKeys = {
  all: ['periods'] as const,
  /** Every period of a plan (up to 200: five years of quarters, halves and years). */
  ofPlan: (plan: string | undefined) => ['periods', plan] as const,
};

export const departmentKeys = {
  all: ['departments'] as const,
  list: () => ['departments'] as const,
};

export const unitKeys = {
  all: ['org-units'] as const,
  /** A unit and its parent chain on a day (today when none). */
  one: (code: string | undefined, validOn?: string) =>
    ['org-units', code, validOn ?? 'today'] as const,
  subtree: (code: string | undefined, validOn?: string) =>
    ['org-units', code, 'subtree', validOn ?? 'today'] as const,
};
