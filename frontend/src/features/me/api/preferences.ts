import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Language } from '@/lib/i18n';

type Versioned = { language: string; etag: string };

export const preferencesQueryOptions = () =>
  queryOptions({
    queryKey: ['me', 'preferences'],
    queryFn: async (): Promise<Versioned> => {
      const { data, response } = await api.GET('/api/v1/me/preferences');
      return { language: data!.language ?? 'vi', etag: response.headers.get('ETag') ?? '"0"' };
    },
  });

export function usePreferences() {
  return useQuery(preferencesQueryOptions());
}

/** Saves the UI language with If-Match; a 412 means another device changed it first. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { invalidates: [] }, // kept in step by hand below
    mutationFn: async (language: Language) => {
      const current = await queryClient.fetchQuery(preferencesQueryOptions());
      const { data, response } = await api.PUT('/api/v1/me/preferences', {
        params: { header: { 'If-Match': current.etag } },
        body: { language },
      });
      return { language: data!.language ?? language, etag: response.headers.get('ETag') ?? '' };
    },
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryOptions().queryKey, saved),
    onError: () => queryClient.invalidateQueries({ queryKey: preferencesQueryOptions().queryKey }),
  });
}
