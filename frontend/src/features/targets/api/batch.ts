import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { TARGET_CHANGES } from '@/lib/api/data-changes';

/** Copies a year's allocation of a unit to later years. */
export function useCopyYear() {
  return useMutation({
    mutationFn: async (body: {
      planId: string;
      parentUnit: string;
      fromYear: number;
      toYears: number[];
    }) => (await api.POST('/api/v1/targets/copy', { body })).data!,
    meta: { invalidates: TARGET_CHANGES },
  });
}

/** Allocates a whole year for every item a department leads. */
export function useAllocateDepartment() {
  return useMutation({
    mutationFn: async (body: {
      planId: string;
      parentUnit: string;
      year: number;
      department: string;
      method: 'equal' | 'proportional';
    }) => (await api.POST('/api/v1/targets/bulk', { body })).data!,
    meta: { invalidates: TARGET_CHANGES },
  });
}
