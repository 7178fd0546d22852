import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { fileBody } from '@/lib/api/upload';

/** Uploads a plan file; with dryRun the server only reports what would change. */
export function useImportPlan() {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      (
        await api.POST('/api/v1/plans/imports', {
          params: { query: { dryRun } },
          ...fileBody(file),
        })
      ).data!,
    // a real import may change anything; a dry run changes nothing (data-changes.ts)
  });
}
