import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Period } from '@/lib/api/shared-reads';

export type { Period };

function path(p: Period) {
  return { planId: p.planId!, code: p.code! };
}

/**
 * Opens or closes a period, moves its due date or sets the days its reminders go out before it;
 * each sends the version it read (If-Match). */
export function usePeriodChange() {
  return useMutation({
    mutationFn: async (
      input:
        | { period: Period; action: 'open' | 'close' }
        | { period: Period; action: 'due'; dueOn: string }
        | { period: Period; action: 'remind'; remindDaysBefore: number[] },
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
      const body =
        input.action === 'remind'
          ? { remindDaysBefore: input.remindDaysBefore }
          : { dueOn: (input as { dueOn: string }).dueOn };
      return (await api.PATCH('/api/v1/periods/{planId}/{code}', { params, body })).data!;
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
