import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { RouterProvider } from 'react-router';
import { ApiError } from '@/lib/api/client';
import { createQueryClient, followOtherTabs } from '@/lib/api/data-changes';
import { createUserManager } from '@/lib/auth';
import type { RuntimeConfig } from '@/lib/config';
import { createAppRouter } from './router';

function retry(failureCount: number, error: unknown): boolean {
  // A weak connection deserves retries; a 4xx answer does not change on retry.
  if (error instanceof ApiError && error.status < 500) {
    return false;
  }
  return failureCount < 3;
}

export function App({ config }: { config: RuntimeConfig }) {
  const userManager = useMemo(() => createUserManager(config), [config]);
  const router = useMemo(() => createAppRouter(), []);
  const queryClient = useMemo(
    () =>
      createQueryClient({
        defaultOptions: { queries: { retry, staleTime: 30_000, refetchOnWindowFocus: false } },
      }),
    [],
  );
  useEffect(() => followOtherTabs(queryClient), [queryClient]);

  // antd is not drawn here: the frame and the login page are drawn without it (components/ui/antd-frame.tsx)
  return (
    <AuthProvider
      userManager={userManager}
      onSigninCallback={(user) => {
        const state = user?.state as { returnTo?: string } | undefined;
        void router.navigate(state?.returnTo ?? '/', { replace: true });
      }}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AuthProvider>
  );
}
