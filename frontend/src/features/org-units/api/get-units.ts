import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const unitQueryOptions = (code: string, validOn?: string) =>
  queryOptions({
    queryKey: ['org-units', code, validOn ?? 'today'],
    queryFn: async () =>
      (
        await api.GET('/api/v1/org-units/{code}', {
          params: { path: { code }, query: { validOn } },
        })
      ).data!,
  });

export function useUnit(code: string | undefined, validOn?: string) {
  return useQuery({ ...unitQueryOptions(code ?? '', validOn), enabled: Boolean(code) });
}

export const subtreeQueryOptions = (code: string, validOn?: string) =>
  queryOptions({
    queryKey: ['org-units', code, 'subtree', validOn ?? 'today'],
    queryFn: async () =>
      (
        await api.GET('/api/v1/org-units/{code}/subtree', {
          params: { path: { code }, query: { validOn } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });

export function useSubtree(code: string | undefined, validOn?: string) {
  return useQuery({ ...subtreeQueryOptions(code ?? '', validOn), enabled: Boolean(code) });
}
