import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Account = components['schemas']['Account'];
export type AccountCreate = components['schemas']['AccountCreate'];
export type AccountUpdate = components['schemas']['AccountUpdate'];
export type BulkResult = components['schemas']['AccountBulkResult'];
export type WithPassword = components['schemas']['AccountWithPassword'];

/** The roles an admin hands out, in the order they are shown. */
export const GRANTABLE = ['reporter', 'reviewer', 'planner', 'viewer', 'admin'] as const;

export type AccountFilter = { unit?: string; q?: string; closed?: boolean; page: number };

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: ['accounts', filter],
    queryFn: async () =>
      (
        await api.GET('/api/v1/accounts', {
          params: {
            query: {
              unit: filter.unit,
              q: filter.q || undefined,
              closed: filter.closed ? true : undefined,
              page: filter.page,
              size: 50,
            },
          },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

/** One account with its ETag, read fresh before a change. */
export async function readAccount(id: string) {
  const { data, response } = await api.GET('/api/v1/accounts/{id}', {
    params: { path: { id } },
  });
  return { account: data!, etag: response.headers.get('ETag') ?? '' };
}

export function useCreateAccount() {
  return useMutation({
    mutationFn: async (body: AccountCreate) => (await api.POST('/api/v1/accounts', { body })).data!,
    meta: { invalidates: ['accounts', 'account-history'] },
  });
}

export function useUpdateAccount() {
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: string; etag: string; body: AccountUpdate }) =>
      (
        await api.PUT('/api/v1/accounts/{id}', {
          params: { path: { id }, header: { 'If-Match': etag } },
          body,
        })
      ).data!,
    meta: { invalidates: ['accounts', 'account-history'] },
  });
}

export function useResetPassword() {
  return useMutation({
    meta: { invalidates: ['account-history'] },
    mutationFn: async (id: string) =>
      (await api.POST('/api/v1/accounts/{id}/password-reset', { params: { path: { id } } })).data!,
  });
}

export function useBulkAccounts() {
  return useMutation({
    mutationFn: async (unit: string) =>
      (await api.POST('/api/v1/accounts/bulk', { body: { unit } })).data!,
    meta: { invalidates: ['accounts', 'account-history'] },
  });
}

export function useAccountHistory(id: string | undefined) {
  return useQuery({
    queryKey: ['account-history', id],
    queryFn: async () =>
      (await api.GET('/api/v1/accounts/{id}/history', { params: { path: { id: id! } } })).data!,
    enabled: Boolean(id),
  });
}

/** The units an admin may bind accounts to: its own and every unit below it, today. */
export function useUnitChoices(code: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'subtree-flat', code],
    queryFn: async () => {
      const tree = (
        await api.GET('/api/v1/org-units/{code}/subtree', { params: { path: { code: code! } } })
      ).data!;
      type Node = { code?: string; name?: string; level?: number; children?: Node[] };
      const out: { value: string; label: string; level: number }[] = [];
      const walk = (n: Node) => {
        out.push({ value: n.code!, label: `${n.name} (${n.code})`, level: n.level ?? 3 });
        (n.children ?? []).forEach(walk);
      };
      walk(tree as Node);
      return out;
    },
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

/** A base64 workbook the server sent, saved as a file. */
export function workbookBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

export type Dissolved = 'keep' | 'up' | 'disable';

/**
 * Accounts on units a change of the map closed, moved to the unit that took over; with dryRun
 * only what would be done (nothing refetched: data-changes.ts).
 */
export function useAccountSuccessions() {
  return useMutation({
    mutationFn: async ({ dryRun, dissolved }: { dryRun: boolean; dissolved: Dissolved }) =>
      (
        await api.POST('/api/v1/accounts/successions', {
          params: { query: { dryRun, dissolved } },
        })
      ).data!,
    meta: { invalidates: ['accounts', 'account-history'] },
  });
}
