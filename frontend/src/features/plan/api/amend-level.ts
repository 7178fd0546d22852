import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Amendment = components['schemas']['PlanItemAmendment'];
type Input = {
  key: string;
  etag: string;
  year: number;
  value: number;
  decision: string;
  reason: string;
};

/** Điều chỉnh chỉ tiêu: a new level for one year, with If-Match (province planner). */
export function useAmendLevel(planId: string) {
  return useMutation({
    mutationFn: async ({ key, etag, year, value, decision, reason }: Input) =>
      (
        await api.PUT('/api/v1/plans/{planId}/items/{key}/levels/{year}', {
          params: { path: { planId, key, year: String(year) }, header: { 'If-Match': etag } },
          body: { value, decision, reason },
        })
      ).data!,
    meta: { invalidates: ['plans', 'targets', 'progress', 'summary'] },
  });
}

export const amendmentsQueryOptions = (planId: string, key: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'items', key, 'amendments'],
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/items/{key}/amendments', {
          params: { path: { planId, key } },
        })
      ).data!,
  });

/** Every amendment of an item's levels, newest first. */
export function useAmendments(planId: string, key: string | undefined) {
  return useQuery({ ...amendmentsQueryOptions(planId, key ?? ''), enabled: Boolean(key) });
}
