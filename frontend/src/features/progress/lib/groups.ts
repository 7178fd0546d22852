/** What a progress row needs to be placed in its chỉ tiêu or task group. */
export interface Groupable {
  itemKey?: string;
  label?: string;
  group?: string;
  groupTitle?: string | null;
  state?: string;
}

export type StateCounts = Record<'ahead' | 'on-track' | 'behind' | 'no-target', number>;

export interface ItemGroup<T extends Groupable> {
  /** Stable in links and tests: "I-2" for chỉ tiêu 2, "II-1" for the first task group. */
  key: string;
  title: string;
  items: T[];
  counts: StateCounts;
}

export function emptyCounts(): StateCounts {
  return { ahead: 0, 'on-track': 0, behind: 0, 'no-target': 0 };
}

/** How many items are ahead, on track, behind or without a target. */
export function countStates(items: Groupable[]): StateCounts {
  const counts = emptyCounts();
  for (const i of items) {
    const state = (i.state ?? 'no-target') as keyof StateCounts;
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

/**
 * The items folded by the chỉ tiêu or task group they belong to, in the plan's order. A group
 * is named by its title, or by the label of the item that is the group itself.
 */
export function groupItems<T extends Groupable>(items: readonly T[]): ItemGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const section = (item.itemKey ?? '').split('-')[0] ?? '';
    const key = `${section}-${item.group ?? item.itemKey ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()].map(([key, list]) => ({
    key,
    title:
      list.find((i) => i.groupTitle)?.groupTitle ??
      list.find((i) => i.itemKey === key)?.label ??
      list[0]?.label ??
      key,
    items: list,
    counts: countStates(list),
  }));
}

/** The group an item is in, if any. */
export function groupOf<T extends Groupable>(
  groups: readonly ItemGroup<T>[],
  itemKey: string | undefined,
): string | undefined {
  if (!itemKey) return undefined;
  return groups.find((g) => g.items.some((i) => i.itemKey === itemKey))?.key;
}

/** The ratio chart's height for a number of bars: the space kept for it before it is drawn. */
export function chartHeight(bars: number): number {
  return Math.max(160, bars * 22 + 40);
}
