import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { retryDelay, retryTransient } from '@/lib/api/retry';
import type { components } from '@/lib/api/schema';
import { saveBlob } from '@/lib/download';

export type Scores = components['schemas']['EmulationScores'];
export type ClusterScores = components['schemas']['ClusterScores'];
export type UnitScore = components['schemas']['UnitScore'];
export type Settings = components['schemas']['EmulationSettings'];
export type Scoring = components['schemas']['ScoringTable'];
export type Cluster = components['schemas']['EmulationCluster'];

/** One query-key factory for thi đua; scores depend on reports, so report writes make them stale. */
export const emulationKeys = {
  scores: (plan: string | undefined, year: number | undefined) =>
    ['progress', 'emulation', plan, year ?? 'term'] as const,
  settings: (plan: string | undefined) => ['plans', 'emulation', plan] as const,
};

export function useScores(plan: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: emulationKeys.scores(plan, year),
    queryFn: async () =>
      (await api.GET('/api/v1/emulation/scores', { params: { query: { plan: plan!, year } } }))
        .data!,
    enabled: Boolean(plan),
    placeholderData: keepPreviousData,
  });
}

export function useEmulationSettings(plan: string | undefined) {
  return useQuery({
    queryKey: emulationKeys.settings(plan),
    queryFn: async () =>
      (await api.GET('/api/v1/emulation/settings', { params: { query: { plan: plan! } } })).data!,
    enabled: Boolean(plan),
  });
}

export function useSaveScoring() {
  return useMutation({
    mutationFn: async (input: { plan: string; version: number; scoring: Scoring }) =>
      (
        await api.PUT('/api/v1/emulation/scoring', {
          params: { query: { plan: input.plan }, header: { 'If-Match': `"${input.version}"` } },
          body: input.scoring,
        })
      ).data!,
    meta: { invalidates: ['plans', 'progress'] },
  });
}

export function useSaveClusters() {
  return useMutation({
    mutationFn: async (input: { plan: string; version: number; clusters: Cluster[] }) =>
      (
        await api.PUT('/api/v1/emulation/clusters', {
          params: { query: { plan: input.plan }, header: { 'If-Match': `"${input.version}"` } },
          body: { clusters: input.clusters },
        })
      ).data!,
    meta: { invalidates: ['plans', 'progress'] },
  });
}

export function useEnterManual() {
  return useMutation({
    mutationFn: async (input: {
      key: string;
      plan: string;
      unitCode: string;
      year: number;
      points: number;
      reason: string;
    }) =>
      (
        await api.POST('/api/v1/emulation/manual-scores', {
          params: { query: { plan: input.plan }, header: { 'Idempotency-Key': input.key } },
          body: {
            unitCode: input.unitCode,
            year: input.year,
            points: input.points,
            reason: input.reason,
          },
        })
      ).data!,
    retry: retryTransient,
    retryDelay,
    meta: { invalidates: ['progress'] },
  });
}

/** The scores as a workbook or a Word table, saved on the device. */
export function useDownloadScores() {
  return useMutation({
    mutationFn: async (input: { plan: string; year?: number; format: 'xlsx' | 'docx' }) => {
      const query = { plan: input.plan, year: input.year };
      const { data } =
        input.format === 'xlsx'
          ? await api.GET('/api/v1/emulation/scores/xlsx', { params: { query }, parseAs: 'blob' })
          : await api.GET('/api/v1/emulation/scores/docx', { params: { query }, parseAs: 'blob' });
      saveBlob(
        data as unknown as Blob,
        `thi-dua-${input.plan}-${input.year ?? 'nhiem-ky'}.${input.format}`,
      );
    },
    meta: { invalidates: [] },
  });
}
