import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Notice = components['schemas']['Notice'];
export type ReminderMail = components['schemas']['ReminderMail'];
export type ReminderRun = components['schemas']['ReminderRun'];
export type MailState = 'pending' | 'sent' | 'failed';

/**
 * The caller's bell. Reminders are made at most every few minutes, so it is asked again when the
 * window comes back into view and every five minutes, never in a tight loop on a weak connection.
 */
export function useNotices() {
  return useQuery({
    queryKey: ['notices'],
    queryFn: async () => (await api.GET('/api/v1/notices')).data!,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useReadNotice() {
  return useMutation({
    mutationFn: async (id: number) => {
      await api.POST('/api/v1/notices/{id}/read', { params: { path: { id } } });
    },
    meta: { invalidates: ['notices'] },
  });
}

export function useReadAllNotices() {
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/notices/read');
    },
    meta: { invalidates: ['notices'] },
  });
}

/** The reminders' mails to the accounts of the admin's subtree, newest first. */
export function useReminderMails(state: MailState | undefined, page: number) {
  return useQuery({
    queryKey: ['reminders', 'mails', state, page],
    queryFn: async () =>
      (
        await api.GET('/api/v1/reminders/mails', {
          params: { query: { state, page, size: 50 } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

export function useReminderRuns() {
  return useQuery({
    queryKey: ['reminders', 'runs'],
    queryFn: async () => (await api.GET('/api/v1/reminders/runs')).data!,
  });
}

export function useRetryMail() {
  return useMutation({
    mutationFn: async (id: number) => {
      await api.POST('/api/v1/reminders/mails/{id}/retry', { params: { path: { id } } });
    },
    meta: { invalidates: ['reminders'] },
  });
}

/** Runs the reminders of today now (a province admin); the scheduler does it anyway. */
export function useRunReminders() {
  return useMutation({
    mutationFn: async () => (await api.POST('/api/v1/reminders/runs')).data!,
    meta: { invalidates: ['reminders', 'notices'] },
  });
}
