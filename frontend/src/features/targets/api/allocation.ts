import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { TARGET_CHANGES } from '@/lib/api/data-changes';

/** A column as the URL names it (text); {@link columnQuery} gives the API's typed query. */
export type AllocationKey = { plan: string; item: string; year: string; parent: string };

export const columnQuery = (key: AllocationKey) => ({ ...key, year: Number(key.year) });
export type RowUpdate = components['schemas']['AllocationRowUpdate'];
export type FillMethod = 'equal' | 'each' | 'per-commune' | 'proportional' | 'predecessors';

export const allocationQueryOptions = (key: AllocationKey) =>
  queryOptions({
    queryKey: ['targets', 'allocation', key],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/targets/allocation', {
        params: { query: columnQuery(key) },
      });
      return { column: data!, etag: response.headers.get('ETag') ?? '' };
    },
    placeholderData: keepPreviousData,
  });

export function useAllocation(key: AllocationKey | undefined) {
  return useQuery({
    ...allocationQueryOptions(key ?? { plan: '', item: '', year: '', parent: '' }),
    enabled: Boolean(key),
  });
}

export function useAllocationHistory(key: AllocationKey | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['targets', 'history', key],
    queryFn: async () =>
      (
        await api.GET('/api/v1/targets/allocation/history', {
          params: { query: columnQuery(key!) },
        })
      ).data!,
    enabled: Boolean(key) && enabled,
  });
}

/** Asks the server how a fill method would set the column; nothing is saved. */
export async function proposeFill(
  key: AllocationKey,
  method: FillMethod,
  value?: number,
  weight?: string,
  units?: string[],
) {
  const { data } = await api.GET('/api/v1/targets/allocation/fill', {
    params: {
      query: { ...columnQuery(key), method, weight, value, units: units?.join(',') },
    },
  });
  return data!;
}

/** Saves the column with If-Match; afterwards the column, its history and overviews refresh. */
export function useSaveAllocation(key: AllocationKey | undefined) {
  return useMutation({
    mutationFn: async (input: {
      etag: string;
      rows: RowUpdate[];
      method: FillMethod | 'manual';
      reason?: string;
    }) =>
      (
        await api.PUT('/api/v1/targets/allocation', {
          params: { query: columnQuery(key!), header: { 'If-Match': input.etag } },
          body: { rows: input.rows, method: input.method, reason: input.reason },
        })
      ).data!,
    meta: { invalidates: TARGET_CHANGES },
  });
}

export function useOverview(plan: string | undefined, year: string, unit: string | undefined) {
  return useQuery({
    queryKey: ['targets', 'overview', plan, year, unit],
    queryFn: async () =>
      (
        await api.GET('/api/v1/targets/overview', {
          params: { query: { plan: plan!, year: Number(year), unit: unit! } },
        })
      ).data!,
    enabled: Boolean(plan && unit),
    placeholderData: keepPreviousData,
  });
}
