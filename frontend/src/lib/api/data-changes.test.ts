import { describe, expect, it } from 'vitest';
import { createQueryClient } from './data-changes';

async function afterMutation(meta: object | undefined, variables: unknown = {}) {
  const client = createQueryClient();
  for (const root of ['progress', 'plans', 'submissions']) {
    client.setQueryData([root, 'x'], 1);
  }
  await client
    .getMutationCache()
    .build(client, { mutationFn: async () => 'ok', meta })
    .execute(variables);
  return ['progress', 'plans', 'submissions'].filter(
    (root) => client.getQueryState([root, 'x'])?.isInvalidated,
  );
}

describe('what a mutation makes stale', () => {
  it('invalidates the query roots it names, and only those', async () => {
    expect(await afterMutation({ invalidates: ['submissions', 'progress'] })).toEqual([
      'progress',
      'submissions',
    ]);
  });

  it('invalidates everything when it names nothing', async () => {
    expect(await afterMutation(undefined)).toEqual(['progress', 'plans', 'submissions']);
  });

  it('invalidates nothing for a download or a dry run', async () => {
    expect(await afterMutation({ invalidates: [] })).toEqual([]);
    expect(await afterMutation(undefined, { dryRun: true })).toEqual([]);
  });
});
