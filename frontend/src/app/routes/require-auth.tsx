import type { ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';

/** Pages behind login: an anonymous visitor goes to the landing page, which offers the login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.isLoading || auth.activeNavigator) {
    return <PageLoading />;
  }
  if (!auth.isAuthenticated) {
    const returnTo = location.pathname + location.search;
    return <Navigate to="/dang-nhap" replace state={{ returnTo }} />;
  }
  return children;
}
