import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Language } from '@/lib/i18n';

type Versioned = { language: string; emailReminders: boolean; email?: string; etag: string };

export const preferencesQueryOptions = () =>
  queryOptions({
    queryKey: ['me', 'preferences'],
    queryFn: async (): Promise<Versioned> => {
      const { data, response } = await api.GET('/api/v1/me/preferences');
      return versioned(data!, response, data!.language ?? 'vi');
    },
  });

function versioned(
  data: { language?: string; emailReminders?: boolean; email?: string },
  response: Response,
  language: string,
): Versioned {
  return {
    language: data.language ?? language,
    emailReminders: data.emailReminders ?? true,
    email: data.email,
    etag: response.headers.get('ETag') ?? '"0"',
  };
}

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
      return versioned(data!, response, language);
    },
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryOptions().queryKey, saved),
    onError: () => queryClient.invalidateQueries({ queryKey: preferencesQueryOptions().queryKey }),
  });
}

/** Reminders by e-mail on or off, with If-Match; the language is sent as it is. */
export function useSaveEmailReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { invalidates: [] }, // kept in step by hand below
    mutationFn: async (emailReminders: boolean) => {
      const current = await queryClient.fetchQuery(preferencesQueryOptions());
      const { data, response } = await api.PUT('/api/v1/me/preferences', {
        params: { header: { 'If-Match': current.etag } },
        body: { language: current.language as Language, emailReminders },
      });
      return versioned(data!, response, current.language);
    },
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryOptions().queryKey, saved),
    onError: () => queryClient.invalidateQueries({ queryKey: preferencesQueryOptions().queryKey }),
  });
}
