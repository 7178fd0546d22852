import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** Figures kept per child unit and year (members, women 18+…) for proportional splits. */
export function useWeights(year: string, parent: string | undefined) {
  return useQuery({
    queryKey: ['targets', 'weights', year, parent],
    queryFn: async () =>
      (
        await api.GET('/api/v1/targets/weights', {
          params: { query: { year: Number(year), parent: parent! } },
        })
      ).data!,
    enabled: Boolean(parent && year),
  });
}

export function useSaveWeights(year: string, parent: string | undefined) {
  return useMutation({
    mutationFn: async (input: { name: string; values: { unitCode: string; value: number }[] }) =>
      (
        await api.PUT('/api/v1/targets/weights', {
          params: { query: { year: Number(year), parent: parent! } },
          body: input,
        })
      ).data!,
    meta: { invalidates: ['targets'] },
  });
}
