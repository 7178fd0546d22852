import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useMemo } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
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
  const { i18n } = useTranslation();
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

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : viVN}
      theme={{
        // Secondary texts darker than antd's default: readable on a phone in daylight (WCAG AA).
        // Hover and active states go darker, not lighter: antd's lighter hover (#d14190 on
        // white, 4.3:1) fails AA while the pointer rests on a button.
        token: {
          // No animations: a cheap phone spends its main thread on the page, not on motion; and
          // a button's loading spinner can never be left mid-animation in its accessible name
          // (it was: "loading Nhập", after an answer faster than the spinner's growth).
          motion: false,
          colorPrimary: '#c41d7f',
          colorPrimaryHover: '#9e1068',
          colorPrimaryActive: '#780650',
          borderRadius: 6,
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextDescription: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          // Warning, success and error texts ("có thay đổi chưa lưu", "đã gửi lúc…", days left)
          // at 5:1 or more on white; antd's defaults (#faad14, #52c41a, #ff4d4f) fail AA.
          colorWarning: '#ad4e00',
          colorSuccess: '#237804',
          colorError: '#cf1322',
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorLinkActive: '#002c8c',
        },
      }}
    >
      <AntApp>
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
      </AntApp>
    </ConfigProvider>
  );
}
