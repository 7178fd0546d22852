/**
 * Messages kept by key (an item, a unit): the record with `key` set to `message`, or without it
 * when there is none. The same object when nothing changes, so a React state update with it
 * renders nothing.
 */
export function withMessage(
  current: Record<string, string>,
  key: string,
  message: string | undefined,
): Record<string, string> {
  if (current[key] === message) return current;
  const next = { ...current };
  if (message) next[key] = message;
  else delete next[key];
  return next;
}
