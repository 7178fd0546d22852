import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** Copies a year's allocation of a unit to later years. */
export function useCopyYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      planId: string;
      parentUnit: string;
      fromYear: number;
      toYears: number[];
    }) => (await api.POST('/api/v1/targets/copy', { body })).data!,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['targets'] }),
  });
}

/** Allocates a whole year for every item a department leads. */
export function useAllocateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      planId: string;
      parentUnit: string;
      year: number;
      department: string;
      method: 'equal' | 'proportional';
    }) => (await api.POST('/api/v1/targets/bulk', { body })).data!,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['targets'] }),
  });
}
