import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { REPORT_CHANGES, TARGET_CHANGES } from '@/lib/api/data-changes';

export const leftDataQueryOptions = () =>
  queryOptions({
    queryKey: ['org-units', 'left-data'],
    queryFn: async () => (await api.GET('/api/v1/org-unit-change-sets/left-data')).data!,
  });

/** What closed units still hold after they closed, waiting for a decision (admin of the province). */
export function useLeftData(enabled: boolean) {
  return useQuery({ ...leftDataQueryOptions(), enabled });
}

export type LeftDecision = {
  unitCode: string;
  kind: 'reports' | 'targets';
  action: 'move' | 'keep';
  to?: string;
  reason: string;
};

/** Moves one kind of a closed unit's data to a unit it went into, or keeps it where it is. */
export function useDecideLeftData() {
  return useMutation({
    mutationFn: async ({ unitCode, ...body }: LeftDecision) =>
      (
        await api.POST('/api/v1/org-unit-change-sets/left-data/{code}/decisions', {
          params: { path: { code: unitCode } },
          body,
        })
      ).data!,
    // a move changes whose reports and targets they are, and the progress rolled up from them
    meta: { invalidates: ['org-units', ...REPORT_CHANGES, ...TARGET_CHANGES] },
  });
}
