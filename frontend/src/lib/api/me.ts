import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async () => (await api.GET('/api/v1/me')).data!,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
