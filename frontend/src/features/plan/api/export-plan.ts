import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { saveBlob } from '@/lib/download';

export function useExportPlan() {
  return useMutation({
    meta: { invalidates: [] },
    mutationFn: async (planId: string) => {
      const { data } = await api.GET('/api/v1/plans/{planId}/export', {
        params: { path: { planId } },
        parseAs: 'blob',
      });
      saveBlob(data as Blob, `ke-hoach-${planId}.xlsx`);
    },
  });
}
