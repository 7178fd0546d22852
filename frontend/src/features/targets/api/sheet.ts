import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { fileBody } from '@/lib/api/upload';
import { saveBlob } from '@/lib/download';

export function useDownloadSheet() {
  return useMutation({
    mutationFn: async ({ plan, year, parent }: { plan: string; year: string; parent: string }) => {
      const { data } = await api.GET('/api/v1/targets/sheet', {
        params: { query: { plan, year: Number(year), parent } },
        parseAs: 'blob',
      });
      saveBlob(data as unknown as Blob, `giao-chi-tieu-${parent}-${year}.xlsx`);
    },
  });
}

/** Uploads a filled allocation sheet; with dryRun the server only says what would change. */
export function useUploadSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      (
        await api.POST('/api/v1/targets/sheet', {
          params: { query: { dryRun } },
          ...fileBody(file),
        })
      ).data!,
    onSuccess: (_r, { dryRun }) => {
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}
