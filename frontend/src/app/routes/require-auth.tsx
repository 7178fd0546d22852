import { useEffect, useState, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { probeReach, useOnline } from '@/lib/online';
import { offlineUser, rememberOfflineUser } from '@/lib/offline-user';

/**
 * Pages behind login: an anonymous visitor goes to the landing page, which offers the login.
 * With no signal the app stays open for the user of this device (an access token that expired
 * meanwhile, or a browser closed and opened again: docs/adr/0013): what the worker kept is read,
 * what is typed waits on the device. When the signal returns, the session is renewed; a user
 * whose session is gone logs in again and finds their values waiting.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  const online = useOnline();
  const profile = auth.user?.profile;
  useEffect(() => {
    if (profile?.sub && profile.preferred_username) {
      rememberOfflineUser({ sub: profile.sub, username: profile.preferred_username });
    }
  }, [profile?.sub, profile?.preferred_username]);
  // No login in this tab, but a user of this device: ask the server first whether it can be
  // reached (a login needs it) before choosing between the login and the offline app.
  const remembered = !auth.isLoading && !auth.user && offlineUser() !== undefined;
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (remembered && !asked) {
      void probeReach().finally(() => setAsked(true));
    }
  }, [remembered, asked]);
  const expired = Boolean(auth.user?.expired);
  useEffect(() => {
    if (online && expired) {
      void auth.signinSilent().catch(() => {
        // the session is gone: the next render sends the user to log in
      });
    }
    // only when the signal comes back or the token runs out
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, expired]);

  if (auth.isLoading || (auth.activeNavigator && !auth.user)) {
    return <PageLoading />;
  }
  if (!auth.isAuthenticated) {
    if (!online && (auth.user || offlineUser())) return children;
    if (remembered && !asked) return <PageLoading />;
    if (auth.user && auth.activeNavigator) return children; // renewing: keep the page as it is
    const returnTo = location.pathname + location.search;
    return <Navigate to="/dang-nhap" replace state={{ returnTo }} />;
  }
  return children;
}
