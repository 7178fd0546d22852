import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { fileBody } from '@/lib/api/upload';
import { saveBlob } from '@/lib/download';
import { TARGET_CHANGES } from '@/lib/api/data-changes';

export function useDownloadSheet() {
  return useMutation({
    meta: { invalidates: [] },
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
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      (
        await api.POST('/api/v1/targets/sheet', {
          params: { query: { dryRun } },
          ...fileBody(file),
        })
      ).data!,
    meta: { invalidates: TARGET_CHANGES }, // a dry run changes nothing (data-changes.ts)
  });
}
