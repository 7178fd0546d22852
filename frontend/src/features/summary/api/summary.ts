import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { saveBlob } from '@/lib/download';

export type SummaryReport = components['schemas']['SummaryReport'];
export type SummaryBlock = components['schemas']['SummaryBlock'];
export type SummaryRow = components['schemas']['SummaryRow'];
export type SummaryEdit = components['schemas']['SummaryReportEdit'];
export type SummaryChange = components['schemas']['SummaryReportChange'];
export type ProgressExport = components['schemas']['ProgressExport'];

type Key = { plan: string | undefined; unit: string | undefined; period: string | undefined };

/** A unit's written report for a period, drafted from the figures, with the unit's changes. */
export function useSummaryReport({ plan, unit, period }: Key) {
  return useQuery({
    queryKey: ['summary', plan, unit, period],
    queryFn: async () =>
      (
        await api.GET('/api/v1/summary-reports', {
          params: { query: { plan: plan!, unit, period: period! } },
        })
      ).data!,
    enabled: Boolean(plan && unit && period),
  });
}

/** Saves the whole of what the unit set, against the version it read (If-Match). */
export function useSaveSummaryReport({ plan, unit, period }: Key) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { invalidates: ['summary-history'] },
    mutationFn: async ({ version, edit }: { version: number; edit: SummaryEdit }) =>
      (
        await api.PUT('/api/v1/summary-reports', {
          params: {
            query: { plan: plan!, unit, period: period! },
            header: { 'If-Match': `"${version}"` },
          },
          body: edit,
        })
      ).data!,
    onSuccess: (saved) => {
      queryClient.setQueryData(['summary', plan, unit, period], saved);
    },
  });
}

export function useSummaryHistory({ plan, unit, period }: Key, enabled: boolean) {
  return useQuery({
    queryKey: ['summary-history', plan, unit, period],
    queryFn: async () =>
      (
        await api.GET('/api/v1/summary-reports/history', {
          params: { query: { plan: plan!, unit, period: period! } },
        })
      ).data!,
    enabled: Boolean(plan && unit && period) && enabled,
  });
}

/** Downloads the report as Word or PDF, as the server renders it now. */
export function useDownloadSummary({ plan, unit, period }: Key) {
  return useMutation({
    meta: { invalidates: [] },
    mutationFn: async (format: 'docx' | 'pdf') => {
      const query = { plan: plan!, unit, period: period! };
      const { data } =
        format === 'docx'
          ? await api.GET('/api/v1/summary-reports/docx', { params: { query }, parseAs: 'blob' })
          : await api.GET('/api/v1/summary-reports/pdf', { params: { query }, parseAs: 'blob' });
      saveBlob(data as unknown as Blob, `bao-cao-${unit}-${period}.${format}`);
    },
  });
}

/** Starts a progress workbook in the background. */
export function useStartExport() {
  return useMutation({
    meta: { invalidates: ['export'] },
    mutationFn: async (request: components['schemas']['ProgressExportRequest']) =>
      (await api.POST('/api/v1/exports', { body: request })).data!,
  });
}

/** How far an export has got: polled every second until it is done or failed. */
export function useExport(id: string | undefined) {
  return useQuery({
    queryKey: ['export', id],
    queryFn: async () =>
      (await api.GET('/api/v1/exports/{id}', { params: { path: { id: id! } } })).data!,
    enabled: Boolean(id),
    refetchInterval: (query) =>
      query.state.data?.state === 'done' || query.state.data?.state === 'failed' ? false : 1000,
  });
}

export async function downloadExport(job: ProgressExport) {
  const { data } = await api.GET('/api/v1/exports/{id}/file', {
    params: { path: { id: job.id! } },
    parseAs: 'blob',
  });
  saveBlob(data as unknown as Blob, `${job.fileName ?? 'tien-do'}.xlsx`);
}

/** The units just below a unit, for choosing whose report to read. */
export function useUnitsBelow(code: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'below', code],
    queryFn: async () =>
      (await api.GET('/api/v1/org-units', { params: { query: { parent: code!, size: 200 } } }))
        .data!,
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}
