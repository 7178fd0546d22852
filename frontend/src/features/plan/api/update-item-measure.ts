import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

type Input = {
  key: string;
  etag: string;
  type: 'count' | 'percentage' | 'activity';
  unit?: string;
};

/** Corrects an item's measure with If-Match; the tree and the item are refreshed after. */
export function useUpdateItemMeasure(planId: string) {
  return useMutation({
    mutationFn: async ({ key, etag, type, unit }: Input) =>
      (
        await api.PATCH('/api/v1/plans/{planId}/items/{key}', {
          params: { path: { planId, key }, header: { 'If-Match': etag } },
          body: { type, unit },
        })
      ).data!,
    meta: { invalidates: ['plans', 'targets', 'progress', 'submissions', 'summary'] },
  });
}

/** Confirms or corrects which levels report a leaf (province planner), with If-Match. */
export function useUpdateReportingLevels(planId: string) {
  return useMutation({
    mutationFn: async ({ key, etag, levels }: { key: string; etag: string; levels: number[] }) =>
      (
        await api.PUT('/api/v1/plans/{planId}/items/{key}/reporting-levels', {
          params: { path: { planId, key }, header: { 'If-Match': etag } },
          body: { levels },
        })
      ).data!,
    meta: { invalidates: ['plans', 'targets', 'progress', 'submissions', 'summary'] },
  });
}

/** Sets how a leaf is judged over the term (province planner), with If-Match. */
export function useUpdateTermRule(planId: string) {
  return useMutation({
    mutationFn: async ({
      key,
      etag,
      rule,
    }: {
      key: string;
      etag: string;
      rule: 'sum' | 'last' | 'each';
    }) =>
      (
        await api.PUT('/api/v1/plans/{planId}/items/{key}/term-rule', {
          params: { path: { planId, key }, header: { 'If-Match': etag } },
          body: { rule },
        })
      ).data!,
    meta: { invalidates: ['plans', 'targets', 'progress', 'submissions', 'summary'] },
  });
}
