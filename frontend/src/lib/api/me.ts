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

/** Whether the user plans for the province (the root unit): they own the plan. */
export function isProvincePlanner(
  me: { roles?: string[]; orgUnit?: { level?: number } } | undefined,
) {
  return Boolean(me?.roles?.includes('planner') && me.orgUnit?.level === 1);
}
