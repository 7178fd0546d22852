import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { retryDelay, retryTransient } from '@/lib/api/retry';
import type { components } from '@/lib/api/schema';

export type SubmissionFlags = components['schemas']['SubmissionFlags'];
export type FlaggedValue = components['schemas']['FlaggedValue'];
export type FigureFlag = components['schemas']['FigureFlag'];
export type FigureCheck = components['schemas']['FigureCheck'];
export type FlaggedListing = components['schemas']['FlaggedValues'];
export type FigureSettings = components['schemas']['FigureCheckSettings'];
export type Thresholds = components['schemas']['FigureThresholds'];

/** One query-key factory for the flags of figures (every report write makes them stale). */
export const flagKeys = {
  report: (id: number | undefined) => ['flags', 'report', id] as const,
  list: (query: { plan: string; year: number; unit?: string; open?: boolean; page?: number }) =>
    ['flags', 'list', query] as const,
  settings: (plan: string | undefined) => ['flags', 'settings', plan] as const,
};

/** The flagged values of one report, for its reviewer and, after a return, its unit. */
export function useReportFlags(id: number | undefined) {
  return useQuery({
    queryKey: flagKeys.report(id),
    queryFn: async () =>
      (await api.GET('/api/v1/submissions/{id}/flags', { params: { path: { id: id! } } })).data!,
    enabled: id != null,
  });
}

/** A reviewer marks a flagged value as checked, with a note (If-Match the report's version). */
export function useCheckFlag() {
  return useMutation({
    mutationFn: async (input: {
      key: string;
      id: number;
      version: number;
      item: string;
      note: string;
    }) =>
      (
        await api.POST('/api/v1/submissions/{id}/flags/{item}/check', {
          params: {
            path: { id: input.id, item: input.item },
            header: { 'If-Match': `"${input.version}"`, 'Idempotency-Key': input.key },
          },
          body: { note: input.note },
        })
      ).data!,
    retry: retryTransient,
    retryDelay,
    meta: { invalidates: ['flags'] },
  });
}

export function useFlagList(
  query: { plan: string; year: number; unit?: string; open?: boolean; page?: number } | undefined,
) {
  return useQuery({
    queryKey: flagKeys.list(query!),
    queryFn: async () =>
      (
        await api.GET('/api/v1/flags', {
          params: {
            query: {
              plan: query!.plan,
              year: query!.year,
              unit: query!.unit,
              open: query!.open ? 'true' : undefined,
              page: query!.page,
              size: 50,
            },
          },
        })
      ).data!,
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

export function useFigureSettings(plan: string | undefined) {
  return useQuery({
    queryKey: flagKeys.settings(plan),
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/figure-checks', {
          params: { path: { planId: plan! } },
        })
      ).data!,
    enabled: Boolean(plan),
  });
}

export function useSaveThresholds() {
  return useMutation({
    mutationFn: async (input: { plan: string; version: number; thresholds: Thresholds }) =>
      (
        await api.PUT('/api/v1/plans/{planId}/figure-checks', {
          params: {
            path: { planId: input.plan },
            header: { 'If-Match': `"${input.version}"` },
          },
          body: input.thresholds,
        })
      ).data!,
    meta: { invalidates: ['flags'] },
  });
}
