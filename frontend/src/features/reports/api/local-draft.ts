// Values typed but not yet saved stay on the phone: a dropped connection or a closed tab loses
// nothing. One draft per user, plan, period and unit: on a shared phone the next person never
// sees them, and logging out clears them all (clearAllDrafts).

import type { ValueInput } from './submissions';

export type Edits = Record<string, ValueInput>;

const PREFIX = 'kehoach.report-draft.';
const QUEUE = 'kehoach.report-queue.';

function storageKey(owner: string, plan: string, period: string, unit: string) {
  return `${PREFIX}${owner}.${plan}.${period}.${unit}`;
}

export function loadEdits(owner: string, plan: string, period: string, unit: string): Edits {
  try {
    const raw = localStorage.getItem(storageKey(owner, plan, period, unit));
    return raw ? (JSON.parse(raw) as Edits) : {};
  } catch {
    return {};
  }
}

export function storeEdits(
  owner: string,
  plan: string,
  period: string,
  unit: string,
  edits: Edits,
) {
  try {
    if (Object.keys(edits).length === 0) {
      localStorage.removeItem(storageKey(owner, plan, period, unit));
    } else {
      localStorage.setItem(storageKey(owner, plan, period, unit), JSON.stringify(edits));
    }
  } catch {
    // storage full or disabled: the edits still live in memory
  }
}

/**
 * A save waiting for the network: the request's Idempotency-Key (the same save sent again is the
 * same request to the server, also after a reload), what it sends and when it was made.
 */
export type Queued = { key: string; body: string; at: string };

export function loadQueued(owner: string, plan: string, period: string, unit: string) {
  try {
    const raw = localStorage.getItem(QUEUE + storageKey(owner, plan, period, unit));
    return raw ? (JSON.parse(raw) as Queued) : undefined;
  } catch {
    return undefined;
  }
}

export function storeQueued(
  owner: string,
  plan: string,
  period: string,
  unit: string,
  queued: Queued | undefined,
) {
  const key = QUEUE + storageKey(owner, plan, period, unit);
  try {
    if (queued) localStorage.setItem(key, JSON.stringify(queued));
    else localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the save still waits in memory
  }
}

/** Every draft of every user on this device: what logging out leaves behind is nothing. */
export function clearAllDrafts() {
  try {
    Object.keys(localStorage)
      .filter((k) => k.startsWith(PREFIX) || k.startsWith(QUEUE))
      .forEach((k) => localStorage.removeItem(k));
  } catch {
    // storage disabled: nothing was kept
  }
}

/** Maps "values[3].number" from a refused save back to the item that was fourth in the request. */
export function fieldErrorsByItem(
  errors: { field: string; message: string }[] | undefined,
  sent: ValueInput[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const m = /^values\[(\d+)\]/.exec(e.field);
    const item = m ? sent[Number(m[1])]?.item : undefined;
    if (item) {
      out[item] = out[item] ? `${out[item]}; ${e.message}` : e.message;
    }
  }
  return out;
}

/** Whether an edited value says the same as the saved one (an empty note is no note). */
export function sameValue(a: ValueInput, b: ValueInput | undefined): boolean {
  if (!b) return false;
  const links = (v: ValueInput) => (v.evidence ?? []).join('\n');
  return (
    (a.number ?? null) === (b.number ?? null) &&
    (a.status ?? null) === (b.status ?? null) &&
    (a.note || null) === (b.note || null) &&
    links(a) === links(b)
  );
}
