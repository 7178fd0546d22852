import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type UnitProgress = components['schemas']['UnitProgress'];
export type ProgressItem = components['schemas']['ProgressItem'];
export type ProgressTable = components['schemas']['ProgressTable'];
export type Completeness = components['schemas']['Completeness'];
export type Term = components['schemas']['TermAssessment'];

/** Every item of a unit's year: own, subtree, pending, target, ratio, state. */
export function useProgress(plan: string | undefined, unit: string | undefined, year: number) {
  return useQuery({
    queryKey: ['progress', 'unit', plan, unit, year],
    queryFn: async () =>
      (await api.GET('/api/v1/progress', { params: { query: { plan: plan!, unit, year } } })).data!,
    enabled: Boolean(plan && unit),
    placeholderData: keepPreviousData,
  });
}

/** The units just below side by side. */
export function useProgressTable(plan: string | undefined, unit: string | undefined, year: number) {
  return useQuery({
    queryKey: ['progress', 'table', plan, unit, year],
    queryFn: async () =>
      (await api.GET('/api/v1/progress/units', { params: { query: { plan: plan!, unit, year } } }))
        .data!,
    enabled: Boolean(plan && unit),
    placeholderData: keepPreviousData,
  });
}

/** The figures behind one number. */
export function useProgressValues(
  plan: string | undefined,
  unit: string | undefined,
  year: number,
  item: string | undefined,
) {
  return useQuery({
    queryKey: ['progress', 'values', plan, unit, year, item],
    queryFn: async () =>
      (
        await api.GET('/api/v1/progress/values', {
          params: { query: { plan: plan!, unit, year, item: item! } },
        })
      ).data!,
    enabled: Boolean(plan && unit && item),
  });
}

export function useCompleteness(
  plan: string | undefined,
  unit: string | undefined,
  period: string | undefined,
) {
  return useQuery({
    queryKey: ['progress', 'completeness', plan, unit, period],
    queryFn: async () =>
      (
        await api.GET('/api/v1/progress/completeness', {
          params: { query: { plan: plan!, unit, period: period! } },
        })
      ).data!,
    enabled: Boolean(plan && unit && period),
  });
}

export function useTerm(plan: string | undefined, unit: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['progress', 'term', plan, unit],
    queryFn: async () =>
      (await api.GET('/api/v1/progress/term', { params: { query: { plan: plan!, unit } } })).data!,
    enabled: Boolean(plan && unit) && enabled,
  });
}
