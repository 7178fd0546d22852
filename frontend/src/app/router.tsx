import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/app-shell';
import { OverviewRoute } from '@/features/me/routes/overview';
import { CALLBACK_PATH } from '@/lib/auth';
import { CallbackRoute } from './routes/callback';
import { LandingRoute } from './routes/landing';
import { NotFoundRoute } from './routes/not-found';
import { RequireAuth } from './routes/require-auth';

export function createAppRouter() {
  return createBrowserRouter([
    { path: CALLBACK_PATH, element: <CallbackRoute /> },
    { path: '/dang-nhap', element: <LandingRoute /> },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <OverviewRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
