import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** Every lock and reopening of a plan's figures, newest first. */
export function useLockHistory(planId: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'lock-history', planId],
    queryFn: async () =>
      (await api.GET('/api/v1/plans/{planId}/lock', { params: { path: { planId: planId! } } }))
        .data!,
    enabled: Boolean(planId),
  });
}

/** Locks the term's figures, or reopens them with a reason (If-Match the plan's version). */
export function useTermLock() {
  return useMutation({
    mutationFn: async (input: {
      planId: string;
      version: number;
      action: 'lock' | 'reopen';
      reason?: string;
    }) => {
      const params = {
        path: { planId: input.planId },
        header: { 'If-Match': `"${input.version}"` },
      };
      const body = { reason: input.reason };
      return (
        input.action === 'lock'
          ? await api.POST('/api/v1/plans/{planId}/lock', { params, body })
          : await api.POST('/api/v1/plans/{planId}/lock/reopen', { params, body })
      ).data!;
    },
    // everything of the plan reads differently once it is locked or reopened
    meta: { invalidates: ['plans', 'progress', 'submissions', 'targets', 'periods', 'flags'] },
  });
}
