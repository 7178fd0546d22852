import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const unconfirmedLineageQueryOptions = () =>
  queryOptions({
    queryKey: ['org-units', 'lineage', 'unconfirmed'],
    queryFn: async () =>
      (await api.GET('/api/v1/org-unit-lineage', { params: { query: { unconfirmed: true } } }))
        .data!,
  });

/** The lineage rows of the province the source did not confirm (admin of the province). */
export function useUnconfirmedLineage(enabled: boolean) {
  return useQuery({ ...unconfirmedLineageQueryOptions(), enabled });
}

/** Confirms a row, or corrects its receiving unit, with the reason (If-Match: its version). */
export function useReviewLineage() {
  return useMutation({
    mutationFn: async ({
      id,
      version,
      toCode,
      reason,
    }: {
      id: number;
      version: number;
      toCode?: string;
      reason: string;
    }) =>
      (
        await api.PUT('/api/v1/org-unit-lineage/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: { toCode: toCode || undefined, reason },
        })
      ).data!,
    meta: { invalidates: ['org-units', 'accounts'] },
  });
}
