import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unitKeys } from '@/lib/api/keys';

export const subtreeQueryOptions = (code: string, validOn?: string) =>
  queryOptions({
    queryKey: unitKeys.subtree(code, validOn),
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
