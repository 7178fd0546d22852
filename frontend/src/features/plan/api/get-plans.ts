import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: ['plans'],
    queryFn: async () =>
      (await api.GET('/api/v1/plans', { params: { query: { size: '50' } } })).data!,
  });

export function usePlans() {
  return useQuery(plansQueryOptions());
}
