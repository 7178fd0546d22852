import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

export const changeSetsQueryOptions = () =>
  queryOptions({
    queryKey: ['org-units', 'change-sets'],
    queryFn: async () => (await api.GET('/api/v1/org-unit-change-sets')).data!,
  });

/** The change sets of the map applied so far (admins only). */
export function useChangeSets(enabled: boolean) {
  return useQuery({ ...changeSetsQueryOptions(), enabled });
}

export type ChangeSetFiles = { lineage: File; units?: File; effectiveDate?: string };

/** The two files as multipart fields "lineage" and "units" (openapi-fetch would send JSON). */
function body({ lineage, units }: ChangeSetFiles) {
  return {
    body: {} as never,
    bodySerializer: () => {
      const form = new FormData();
      form.append('lineage', lineage);
      if (units) form.append('units', units);
      return form;
    },
  };
}

/**
 * Loads a change set: with dryRun, what it would do and what stops it (nothing written, nothing
 * refetched); without, applies it on its date, and the map of every later day changes, so every
 * query is refetched (data-changes.ts).
 */
export function useLoadChangeSet() {
  return useMutation({
    mutationFn: async ({ dryRun, ...files }: ChangeSetFiles & { dryRun: boolean }) =>
      (
        await api.POST('/api/v1/org-unit-change-sets', {
          params: { query: { dryRun, effectiveDate: files.effectiveDate || undefined } },
          ...body(files),
        })
      ).data!,
  });
}
