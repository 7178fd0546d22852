import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: ['departments'],
    queryFn: async () => (await api.GET('/api/v1/departments')).data!,
    staleTime: 10 * 60_000,
  });

export function useDepartments() {
  return useQuery(departmentsQueryOptions());
}
