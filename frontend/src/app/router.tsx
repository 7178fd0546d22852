import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/app-shell';
import { CALLBACK_PATH } from '@/lib/auth';
import { CallbackRoute } from './routes/callback';
import { LandingRoute } from './routes/landing';
import { NotFoundRoute } from './routes/not-found';
import { RequireAuth } from './routes/require-auth';
import { RouteError } from './routes/route-error';

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
      errorElement: <RouteError />,
      children: [
        // Pages load on demand: a phone on a weak connection fetches only the page it opens.
        {
          index: true,
          lazy: async () => ({
            Component: (await import('./routes/home')).HomeRoute,
          }),
        },
        {
          path: 'tien-do',
          lazy: async () => ({
            Component: (await import('@/features/progress/routes/dashboard-page')).DashboardPage,
          }),
        },
        {
          path: 'ke-hoach',
          lazy: async () => ({
            Component: (await import('@/features/plan/routes/plan-page')).PlanPage,
          }),
        },
        {
          path: 'chi-tieu',
          lazy: async () => ({
            Component: (await import('@/features/targets/routes/allocation-page')).AllocationPage,
          }),
        },
        {
          path: 'chi-tieu/tong-quan',
          lazy: async () => ({
            Component: (await import('@/features/targets/routes/overview-page')).TargetOverviewPage,
          }),
        },
        {
          path: 'bao-cao',
          lazy: async () => ({
            Component: (await import('@/features/reports/routes/entry-page')).EntryPage,
          }),
        },
        {
          path: 'bao-cao/:id/lich-su',
          lazy: async () => ({
            Component: (await import('@/features/reports/routes/history-page')).HistoryPage,
          }),
        },
        {
          path: 'so-lieu-bat-thuong',
          lazy: async () => ({
            Component: (await import('@/features/reports/routes/flags-page')).FlagsPage,
          }),
        },
        {
          path: 'thi-dua',
          lazy: async () => ({
            Component: (await import('@/features/emulation/routes/emulation-page')).EmulationPage,
          }),
        },
        {
          path: 'tong-ket',
          lazy: async () => ({
            Component: (await import('@/features/summary/routes/summary-page')).SummaryPage,
          }),
        },
        {
          path: 'tai-khoan',
          lazy: async () => ({
            Component: (await import('@/features/accounts/routes/accounts-page')).AccountsPage,
          }),
        },
        {
          path: 'thu-nhac',
          lazy: async () => ({
            Component: (await import('@/features/notices/routes/reminders-page')).RemindersPage,
          }),
        },
        {
          path: 'ky-bao-cao',
          lazy: async () => ({
            Component: (await import('@/features/periods/routes/periods-page')).PeriodsPage,
          }),
        },
        {
          path: 'duyet',
          lazy: async () => ({
            Component: (await import('@/features/reports/routes/review-page')).ReviewPage,
          }),
        },
        {
          path: 'don-vi',
          lazy: async () => ({
            Component: (await import('@/features/org-units/routes/units-page')).UnitsPage,
          }),
        },
        {
          path: 'don-vi/thay-doi',
          lazy: async () => ({
            Component: (await import('@/features/org-units/routes/change-sets-page'))
              .ChangeSetsPage,
          }),
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
