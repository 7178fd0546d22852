import { useCallback, useSyncExternalStore } from 'react';

/** antd's `md` breakpoint: from here up the menu stays on the left, below it is a drawer. */
export const WIDE = '(min-width: 768px)';

/** Whether a media query holds, following it as the window changes. */
export function useMedia(query: string): boolean {
  // one subscription per query: a new function on every render would subscribe again each time
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
