import { withMessage } from '@/lib/messages-by-key';
import { useCallback, useMemo, useState } from 'react';
import { loadEdits, loadQueued, sameValue, storeEdits, storeQueued } from '../api/local-draft';
import type { Edits, Queued } from '../api/local-draft';
import type { FormItem, ValueInput } from '../api/submissions';

export type DraftKey = { owner: string; plan: string; period: string; unit: string };

/** A value as the server holds it, in the shape the form edits. */
export function fromServer(item: FormItem): ValueInput {
  const v = item.value;
  return {
    item: item.key ?? '',
    number: v?.number == null ? undefined : Number(v.number),
    status: v?.status ?? undefined,
    note: v?.note ?? undefined,
    evidence: v?.evidence ?? [],
  };
}

/**
 * The unsaved side of a report on this device: what was typed and not saved yet (kept in the
 * phone's storage as it is typed, so a closed tab or a dead battery loses nothing), the numbers
 * typed that cannot be taken yet, and a save that waits for the network with its key. An edit
 * changed back to the saved value is no edit. One draft per user, plan, period and unit.
 */
export function useReportDraft(key: DraftKey, items: readonly FormItem[]) {
  const { owner, plan, period, unit } = key;
  const [edits, setEdits] = useState<Edits>(() => loadEdits(owner, plan, period, unit));
  // how many edits came back from the device when the page opened (0 once saved or discarded)
  const [restored, setRestored] = useState(() => Object.keys(edits).length);
  // numbers typed that cannot be taken yet ("2.5" in Vietnamese, a rate over 100), by item
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [waiting, setWaitingState] = useState<Queued | undefined>(() =>
    loadQueued(owner, plan, period, unit),
  );
  const saved = useMemo(() => new Map(items.map((item) => [item.key!, fromServer(item)])), [items]);

  const edit = useCallback(
    (value: ValueInput) => {
      setEdits((current) => {
        const next = { ...current, [value.item!]: value };
        if (sameValue(value, saved.get(value.item!))) delete next[value.item!];
        storeEdits(owner, plan, period, unit, next);
        return next;
      });
    },
    [owner, plan, period, unit, saved],
  );
  const problem = useCallback(
    (item: string, text: string | undefined) =>
      setProblems((current) => withMessage(current, item, text)),
    [],
  );
  const setWaiting = useCallback(
    (queued: Queued | undefined) => {
      storeQueued(owner, plan, period, unit, queued);
      setWaitingState(queued);
    },
    [owner, plan, period, unit],
  );
  /** The edits are saved (or thrown away): nothing is left on the device, nothing waits. */
  const clear = useCallback(() => {
    setEdits({});
    setRestored(0);
    storeEdits(owner, plan, period, unit, {});
    setWaiting(undefined);
  }, [owner, plan, period, unit, setWaiting]);

  const valueOf = (item: string) => edits[item] ?? saved.get(item);
  return {
    edits,
    saved,
    valueOf,
    dirty: Object.keys(edits).length > 0,
    restored,
    problems,
    problemCount: Object.keys(problems).length,
    waiting,
    edit,
    problem,
    setWaiting,
    clear,
  };
}

/**
 * After a conflict: the items sent whose value someone else saved differently meanwhile, each
 * with the other value as the row shows it. Nothing of the user's is dropped: both are shown.
 */
export function conflicts(
  sent: readonly ValueInput[],
  now: readonly FormItem[],
  describe: (value: ValueInput) => string,
): Record<string, string> {
  const theirs = new Map(now.map((i) => [i.key!, fromServer(i)]));
  const out: Record<string, string> = {};
  for (const mine of sent) {
    const other = theirs.get(mine.item!);
    if (other && !sameValue(mine, other)) out[mine.item!] = describe(other);
  }
  return out;
}
