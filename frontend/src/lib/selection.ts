import { useCallback, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * What a page's URL holds, so that a link sent to a colleague opens the same view: the plan, the
 * unit, the year, the period, the tab, the item opened and the filters of a page.
 */
export type SelectionKey =
  | 'plan'
  | 'unit'
  | 'year'
  | 'period'
  | 'tab'
  | 'item'
  | 'department'
  | 'parent'
  | 'asOf'
  | 'q'
  | 'open'
  | 'kind'
  | 'level'
  | 'state';

/** A change of the selection: a value sets a key, `undefined`, `null` or '' removes it. */
export type SelectionPatch = Partial<Record<SelectionKey, string | number | boolean | null>>;

/** The search string after a patch; every key the patch does not name is kept as it was. */
export function patchSearch(current: URLSearchParams, patch: SelectionPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/**
 * The one way a page reads and changes what its URL holds. `select` applies a patch to the URL
 * as it is when the change runs (two changes in one event both land); by default the change
 * replaces the history entry (a filter), with `push` it adds one (a step down the tree that the
 * back button undoes).
 */
export function useSelection({ push = false }: { push?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  // react-router hands a functional update the search of the last render, not of a change made
  // just before in the same event: the changes not yet rendered are kept here
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const get = useCallback(
    (key: SelectionKey): string | undefined => params.get(key) ?? undefined,
    [params],
  );
  const select = useCallback(
    (patch: SelectionPatch) => {
      latest.current = patchSearch(latest.current, patch);
      setParams(latest.current, { replace: !push });
    },
    [setParams, push],
  );
  return { get, select };
}
