import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { fileBody } from '@/lib/api/upload';

/** Uploads a plan file; with dryRun the server only reports what would change. */
export function useImportPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      (
        await api.POST('/api/v1/plans/imports', {
          params: { query: { dryRun } },
          ...fileBody(file),
        })
      ).data!,
    onSuccess: (_report, { dryRun }) => {
      if (!dryRun) {
        void queryClient.invalidateQueries({ queryKey: ['plans'] });
      }
    },
  });
}
