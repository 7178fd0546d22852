// The plans the caller may read: one query shared by every feature that needs "the plan".
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { planKeys } from './keys';
import type { components } from '@/lib/api/schema';

export type PlanSummary = components['schemas']['PlanSummary'];

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: planKeys.list(),
    queryFn: async () =>
      (await api.GET('/api/v1/plans', { params: { query: { size: 50 } } })).data!,
  });

export function usePlans() {
  return useQuery(plansQueryOptions());
}

const CHOSEN = 'kehoach.plan';

/** The plan the user last switched to on this device (the header's switcher), if any. */
export function chosenPlan(): string | undefined {
  try {
    return window.localStorage.getItem(CHOSEN) ?? undefined;
  } catch {
    return undefined;
  }
}

export function choosePlan(code: string) {
  try {
    window.localStorage.setItem(CHOSEN, code);
  } catch {
    // private mode: the URL still carries it
  }
}

/**
 * Which plan a screen shows when the URL names none: the one last switched to, else the newest
 * term still open (not locked), else the first.
 */
export function defaultPlan(plans: PlanSummary[], chosen = chosenPlan()): PlanSummary | undefined {
  return (
    plans.find((p) => p.code === chosen) ??
    [...plans].filter((p) => !p.lock).sort((a, b) => (b.termStart ?? 0) - (a.termStart ?? 0))[0] ??
    plans[0]
  );
}

/** The plan named (in the URL), else {@link defaultPlan}. */
export function usePlan(planId: string | null | undefined) {
  const plans = usePlans();
  const items = plans.data?.items ?? [];
  const plan = items.find((p) => p.code === planId) ?? defaultPlan(items);
  return { plans, plan };
}
