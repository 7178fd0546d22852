import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from './config';

// Authentication in one place: OIDC authorization code flow with PKCE (S256) against Keycloak.
// Tokens live in sessionStorage: they survive a reload on a weak connection, die with the tab,
// and are never shared across tabs (see docs/adr/0001-spa-token-storage.md).

let manager: UserManager | undefined;

export const CALLBACK_PATH = '/auth/callback';

export function createUserManager(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: origin + CALLBACK_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

/** The access token of the logged-in user, for the API client's middleware. */
export async function accessToken(): Promise<string | undefined> {
  const user = await manager?.getUser();
  return user && !user.expired ? user.access_token : undefined;
}
