import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type PastImport = components['schemas']['PastReportsImport'];

/**
 * Loads figures of units from before they were on the system (a province reviewer): with dryRun
 * only the check; without, the reports are created approved, so progress and the queues refetch.
 */
export function useLoadPastReports() {
  return useMutation({
    mutationFn: async ({ plan, file, dryRun }: { plan: string; file: File; dryRun: boolean }) =>
      (
        await api.POST('/api/v1/submissions/imports', {
          params: { query: { plan, dryRun } },
          body: {} as never,
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', file);
            return form;
          },
        })
      ).data!,
    meta: { invalidates: ['submissions', 'progress', 'summary'] },
  });
}
