import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

import type { paths } from '@/lib/api/schema';

export type PlanItemFilter = NonNullable<
  paths['/api/v1/plans/{planId}/items/tree']['get']['parameters']['query']
>;

export const planTreeQueryOptions = (planId: string, filter: PlanItemFilter) =>
  queryOptions({
    queryKey: ['plans', planId, 'tree', filter],
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/items/tree', {
          params: { path: { planId }, query: filter },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });

export function usePlanTree(planId: string | undefined, filter: PlanItemFilter) {
  return useQuery({ ...planTreeQueryOptions(planId ?? '', filter), enabled: Boolean(planId) });
}
