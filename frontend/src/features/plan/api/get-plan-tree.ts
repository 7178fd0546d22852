import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

import type { paths } from '@/lib/api/schema';

type TreeQuery = NonNullable<
  paths['/api/v1/plans/{planId}/items/tree']['get']['parameters']['query']
>;

/** The filters as the URL keeps them: text. */
export type PlanItemFilter = { [K in keyof TreeQuery]?: string };

/** The filters as the API takes them: level and year are numbers. */
function toQuery(filter: PlanItemFilter): TreeQuery {
  return {
    ...filter,
    kind: filter.kind as TreeQuery['kind'],
    level: filter.level ? Number(filter.level) : undefined,
    year: filter.year ? Number(filter.year) : undefined,
  };
}

export const planTreeQueryOptions = (planId: string, filter: PlanItemFilter) =>
  queryOptions({
    queryKey: ['plans', planId, 'tree', filter],
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/items/tree', {
          params: { path: { planId }, query: toQuery(filter) },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });

export function usePlanTree(planId: string | undefined, filter: PlanItemFilter) {
  return useQuery({ ...planTreeQueryOptions(planId ?? '', filter), enabled: Boolean(planId) });
}
