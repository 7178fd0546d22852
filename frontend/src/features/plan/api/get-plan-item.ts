import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const planItemQueryOptions = (planId: string, key: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'items', key],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/plans/{planId}/items/{key}', {
        params: { path: { planId, key } },
      });
      return { item: data!, etag: response.headers.get('ETag') ?? '' };
    },
  });

export function usePlanItem(planId: string, key: string | undefined) {
  return useQuery({ ...planItemQueryOptions(planId, key ?? ''), enabled: Boolean(key) });
}
