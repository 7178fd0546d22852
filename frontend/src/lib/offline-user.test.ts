import { beforeEach, describe, expect, it } from 'vitest';
import { forgetOfflineUser, offlineUser, rememberOfflineUser } from './offline-user';

describe('offline user', () => {
  beforeEach(() => localStorage.clear());

  it('is the last user who logged in on this device, until logout', () => {
    expect(offlineUser()).toBeUndefined();
    rememberOfflineUser({ sub: 'abc', username: 'xa.huongson' });
    expect(offlineUser()).toEqual({ sub: 'abc', username: 'xa.huongson' });
    forgetOfflineUser();
    expect(offlineUser()).toBeUndefined();
  });

  it('ignores what is not a user', () => {
    localStorage.setItem('kehoach.offline-user', '{"sub":""}');
    expect(offlineUser()).toBeUndefined();
    localStorage.setItem('kehoach.offline-user', 'not json');
    expect(offlineUser()).toBeUndefined();
  });
});
