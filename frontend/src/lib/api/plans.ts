// The plans the caller may read: one query shared by every feature that needs "the plan".
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: ['plans'],
    queryFn: async () =>
      (await api.GET('/api/v1/plans', { params: { query: { size: 50 } } })).data!,
  });

export function usePlans() {
  return useQuery(plansQueryOptions());
}

/** The plan named (in the URL), else the first the caller may read. */
export function usePlan(planId: string | null | undefined) {
  const plans = usePlans();
  const plan = plans.data?.items?.find((p) => p.code === planId) ?? plans.data?.items?.[0];
  return { plans, plan };
}
