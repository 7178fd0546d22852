import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidate, type QueryRoot } from './data-changes';
import { departmentKeys, periodKeys, planKeys, unitKeys } from './keys';

describe('query key factories', () => {
  it('start every key with the root a mutation names, so invalidating it reaches them', async () => {
    const client = new QueryClient();
    const cases: [QueryRoot, readonly unknown[]][] = [
      ['plans', planKeys.list()],
      ['periods', periodKeys.ofPlan('11-KH-BCH')],
      ['departments', departmentKeys.list()],
      ['org-units', unitKeys.one('19')],
      ['org-units', unitKeys.subtree('19', '2025-07-01')],
    ];
    for (const [root, key] of cases) {
      client.setQueryData(key, 'answer');
      expect(client.getQueryState(key)?.isInvalidated).toBe(false);
      await invalidate(client, [root]);
      expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    }
  });

  it('keep a unit on a day apart from the same unit today', () => {
    expect(unitKeys.one('19')).toEqual(['org-units', '19', 'today']);
    expect(unitKeys.one('19', '2024-01-01')).not.toEqual(unitKeys.one('19'));
  });
});
