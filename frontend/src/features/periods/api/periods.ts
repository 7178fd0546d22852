import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Period = components['schemas']['Period'];

export function usePeriodList(plan: string | undefined) {
  return useQuery({
    queryKey: ['periods', plan],
    queryFn: async () =>
      (await api.GET('/api/v1/periods', { params: { query: { plan: plan!, size: 200 } } })).data!,
    enabled: Boolean(plan),
  });
}

function path(p: Period) {
  return { planId: p.planId!, code: p.code! };
}

/** Opens or closes a period, or moves its due date; each sends the version it read (If-Match). */
export function usePeriodChange() {
  return useMutation({
    mutationFn: async (
      input:
        | { period: Period; action: 'open' | 'close' }
        | { period: Period; action: 'due'; dueOn: string },
    ) => {
      const params = {
        path: path(input.period),
        header: { 'If-Match': `"${input.period.version}"` },
      };
      if (input.action === 'open') {
        return (await api.POST('/api/v1/periods/{planId}/{code}/open', { params })).data!;
      }
      if (input.action === 'close') {
        return (await api.POST('/api/v1/periods/{planId}/{code}/close', { params })).data!;
      }
      const { dueOn } = input as { dueOn: string };
      return (await api.PATCH('/api/v1/periods/{planId}/{code}', { params, body: { dueOn } }))
        .data!;
    },
    meta: { invalidates: ['periods', 'submissions', 'progress'] },
  });
}

export function useCreatePeriod() {
  return useMutation({
    mutationFn: async (input: {
      planId: string;
      kind: 'year' | 'half' | 'quarter';
      year: number;
      number?: number;
    }) => (await api.POST('/api/v1/periods', { body: input })).data!,
    meta: { invalidates: ['periods', 'submissions', 'progress'] },
  });
}
