import { useCallback, useState } from 'react';
import { groupOf, type Groupable, type ItemGroup } from '../lib/groups';

/**
 * Which groups of a folded table are open: none at first but the one holding the item already
 * chosen; one opened or closed at a time, or all at once.
 */
export function useOpenGroups<T extends Groupable>(groups: ItemGroup<T>[], selected?: string) {
  const [open, setOpen] = useState<string[]>(() => {
    const g = groupOf(groups, selected);
    return g ? [g] : [];
  });
  const toggle = useCallback(
    (key: string) => setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key])),
    [],
  );
  const allOpen = groups.length > 0 && groups.every((g) => open.includes(g.key));
  const toggleAll = () => setOpen(allOpen ? [] : groups.map((g) => g.key));
  return { open, toggle, allOpen, toggleAll };
}
