// Who used the app last on this device, for opening it with no signal after the browser was
// closed: the tokens live in sessionStorage and die with the tab (docs/adr/0001), so with no
// network there is no login. The app then opens in offline mode as this user: the forms the
// worker kept, the values typed, the saves waiting to be sent. Nothing here is a credential: the
// server sees no request until the user has logged in again. Logging out forgets it.
const KEY = 'kehoach.offline-user';

export type OfflineUser = { sub: string; username: string };

export function rememberOfflineUser(user: OfflineUser) {
  try {
    localStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // storage full or refused: offline mode is not offered, nothing else changes
  }
}

export function offlineUser(): OfflineUser | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<OfflineUser>) : undefined;
    return parsed?.sub && parsed.username
      ? { sub: parsed.sub, username: parsed.username }
      : undefined;
  } catch {
    return undefined;
  }
}

export function forgetOfflineUser() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
