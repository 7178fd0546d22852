import { useSyncExternalStore } from 'react';

// Whether the app can reach its server. The browser's navigator.onLine says when a phone has no
// network at all, but not when it has a network and no way through ("lie-fi"), nor, in some
// browsers, after a reload with the network cut. So the app also listens to its own requests:
// one that gets no answer, or an answer the service worker gave from what it kept (header
// Kehoach-Offline), means the server is out of reach until a real answer comes. While out of
// reach, a small request asks again every 10 s and at once when the browser says it is online.

let unreachable = false;
const listeners = new Set<() => void>();
let probe: number | undefined;

function notify() {
  listeners.forEach((l) => l());
}

/** What an API request found: an answer from the server (true) or none (false). */
export function reportReach(reached: boolean) {
  if (reached === !unreachable) return;
  unreachable = !reached;
  if (unreachable && probe === undefined && typeof window !== 'undefined') {
    probe = window.setInterval(() => void ask(), 10_000);
  } else if (!unreachable && probe !== undefined) {
    window.clearInterval(probe);
    probe = undefined;
  }
  notify();
}

/** Asks the server for its runtime configuration, past any kept answer: whether it answered. */
async function ask(): Promise<boolean> {
  let reached = false;
  try {
    const answer = await fetch('/config.json', { cache: 'no-store' });
    reached = answer.ok && answer.headers.get('Kehoach-Offline') !== 'true';
  } catch {
    reached = false;
  }
  reportReach(reached);
  return reached;
}

/** Asks now whether the server can be reached (a new tab that must choose: log in, or not). */
export function probeReach(): Promise<boolean> {
  return ask();
}

function subscribe(onChange: () => void) {
  const online = () => {
    onChange();
    if (unreachable) void ask();
  };
  listeners.add(onChange);
  window.addEventListener('online', online);
  window.addEventListener('offline', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the app can reach its server now; a phone that lost it is told at once. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine && !unreachable,
    () => true,
  );
}

/** The same, outside React (a save decides whether to send or to keep). */
export function isOnline(): boolean {
  return navigator.onLine && !unreachable;
}
