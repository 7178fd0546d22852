import { MutationCache, QueryClient } from '@tanstack/react-query';

/**
 * What a write changes, said once per mutation as `meta: { invalidates: [...] }` (the first
 * element of the query keys it makes stale). After every mutation, success or not, those queries
 * are invalidated here, in this tab and, through a BroadcastChannel, in every other tab of the
 * app: an approval in one tab is in the very next read of the dashboard open in another. A
 * mutation that says nothing invalidates everything, so no write can leave a stale figure behind.
 */
export type QueryRoot =
  | 'accounts'
  | 'account-history'
  | 'departments'
  | 'export'
  | 'flags'
  | 'me'
  | 'notices'
  | 'org-units'
  | 'periods'
  | 'plans'
  | 'progress'
  | 'reminders'
  | 'submissions'
  | 'summary'
  | 'summary-history'
  | 'targets';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { invalidates?: readonly QueryRoot[] };
  }
}

/**
 * What a change to reports makes stale: the reports, progress, the written reports and the flags
 * of figures (computed from the values).
 */
export const REPORT_CHANGES: readonly QueryRoot[] = ['submissions', 'progress', 'summary', 'flags'];
/** What a change to targets makes stale. */
export const TARGET_CHANGES: readonly QueryRoot[] = ['targets', 'progress', 'submissions'];

const CHANNEL = 'kehoach-data-changes';

/** An upload with `dryRun: true` only says what would change. */
function isDryRun(variables: unknown): boolean {
  return (
    typeof variables === 'object' &&
    variables !== null &&
    (variables as { dryRun?: unknown }).dryRun === true
  );
}

type Message = { roots: readonly QueryRoot[] | null };

export function invalidate(client: QueryClient, roots: readonly QueryRoot[] | null) {
  if (roots === null) {
    return client.invalidateQueries();
  }
  return Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: [root] })));
}

function channel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
}

/** The query client of the app: mutations invalidate what they change, here and in other tabs. */
export function createQueryClient(options: ConstructorParameters<typeof QueryClient>[0] = {}) {
  const out = channel();
  const client: QueryClient = new QueryClient({
    ...options,
    mutationCache: new MutationCache({
      onSettled: (_data, _error, variables, _context, mutation) => {
        const roots = mutation.meta?.invalidates ?? null;
        if ((roots !== null && roots.length === 0) || isDryRun(variables)) return;
        out?.postMessage({ roots } satisfies Message);
        return invalidate(client, roots);
      },
    }),
  });
  return client;
}

/** Invalidates what other tabs' mutations changed; returns the function that stops listening. */
export function followOtherTabs(client: QueryClient): () => void {
  const incoming = channel();
  if (!incoming) return () => undefined;
  incoming.onmessage = (event: MessageEvent<Message>) => {
    void invalidate(client, event.data.roots);
  };
  return () => incoming.close();
}
