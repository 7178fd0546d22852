// The reads every part of the app shares: a plan's periods, the departments (Ban), a unit with
// its parent chain. Each is defined once here, so that one key always holds one kind of answer.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { departmentKeys, periodKeys, unitKeys } from './keys';
import type { components } from './schema';

export type Period = components['schemas']['Period'];

export const periodsQueryOptions = (plan: string | undefined) =>
  queryOptions({
    queryKey: periodKeys.ofPlan(plan),
    queryFn: async () =>
      (await api.GET('/api/v1/periods', { params: { query: { plan: plan!, size: 200 } } })).data!,
    enabled: Boolean(plan),
  });

/** Every period of a plan. */
export function usePlanPeriods(plan: string | undefined) {
  return useQuery(periodsQueryOptions(plan));
}

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: departmentKeys.list(),
    queryFn: async () => (await api.GET('/api/v1/departments')).data!,
    staleTime: 10 * 60_000,
  });

/** The departments (Ban) that lead items. */
export function useDepartments() {
  return useQuery(departmentsQueryOptions());
}

export const unitQueryOptions = (code: string | undefined, validOn?: string) =>
  queryOptions({
    queryKey: unitKeys.one(code, validOn),
    queryFn: async () =>
      (
        await api.GET('/api/v1/org-units/{code}', {
          params: { path: { code: code! }, query: { validOn } },
        })
      ).data!,
    enabled: Boolean(code),
  });

/** A unit with its parent chain (for the way back up), on a day or today. */
export function useUnit(code: string | undefined, validOn?: string) {
  return useQuery(unitQueryOptions(code, validOn));
}
