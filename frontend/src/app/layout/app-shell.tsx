import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileTextOutlined,
  TeamOutlined,
  TrophyOutlined,
  WarningOutlined,
  FormOutlined,
  HomeOutlined,
  LineChartOutlined,
  MailOutlined,
  MenuOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { clearAllDrafts } from '@/features/reports/api/local-draft';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { AntdFrame } from '@/components/ui/lazy-antd-frame';
import { PageLoading } from '@/components/ui/page-loading';
import { Sheet } from '@/components/ui/sheet';
import { useMe } from '@/lib/api/me';
import { usePreferences, useSaveLanguage } from '@/features/me/api/preferences';
import { NoticeBell } from '@/features/notices/components/notice-bell';
import { isLanguage } from '@/lib/i18n';
import { useMedia, WIDE } from '@/lib/media';
import { forgetOfflineUser } from '@/lib/offline-user';
import { forgetOfflineData } from '@/lib/service-worker';

// The frame is drawn without antd, so a phone shows it before antd has arrived (#25). antd comes
// with the page (AntdFrame: its theme, its styles), asked for by the frame's first drawing, beside
// the page's own chunk.

// Loaded with the first page that shows a plan: the switcher's Select is not in the first download.
const PlanBar = lazy(async () => ({ default: (await import('./plan-bar')).PlanBar }));

// Shown only when the account menu is opened: not part of the first download.
const AccountPanel = lazy(async () => ({
  default: (await import('./account-panel')).AccountPanel,
}));

/** The frame of every page after login: navigation, language, account and logout. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const phone = !useMedia(WIDE);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);
  const me = useMe();
  const preferences = usePreferences();
  const saveLanguage = useSaveLanguage();

  // The language saved on the server follows the user from device to device.
  const savedLanguage = preferences.data?.language;
  useEffect(() => {
    if (isLanguage(savedLanguage) && savedLanguage !== i18n.language) {
      void i18n.changeLanguage(savedLanguage);
    }
    // Only when the saved value arrives or changes, not on every local switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedLanguage]);

  const items: { to: string; icon: ReactNode; label: string }[] = [
    { to: '/', icon: <HomeOutlined />, label: t('nav.home') },
    {
      to: '/tien-do',
      icon: <LineChartOutlined />,
      label: t('nav.progress'),
    },
    {
      to: '/ke-hoach',
      icon: <ProfileOutlined />,
      label: t('nav.plan'),
    },
    // A unit with no units below it (a commune) allocates nothing and has no page for it.
    ...((me.data?.orgUnit?.level ?? 3) < 3
      ? [
          {
            to: '/chi-tieu',
            icon: <AimOutlined />,
            label: t('nav.targets'),
          },
        ]
      : []),
    {
      to: '/bao-cao',
      icon: <FormOutlined />,
      label: t('nav.reports'),
    },
    ...(me.data?.allowed?.includes('review')
      ? [
          {
            to: '/duyet',
            icon: <AuditOutlined />,
            label: t('nav.review'),
          },
        ]
      : []),
    // figures to check before the term is locked: for the levels that review others
    ...((me.data?.orgUnit?.level ?? 3) < 3
      ? [
          {
            to: '/so-lieu-bat-thuong',
            icon: <WarningOutlined />,
            label: t('nav.flags'),
          },
        ]
      : []),
    {
      to: '/thi-dua',
      icon: <TrophyOutlined />,
      label: t('nav.emulation'),
    },
    {
      to: '/tong-ket',
      icon: <FileTextOutlined />,
      label: t('nav.summary'),
    },
    {
      to: '/ky-bao-cao',
      icon: <CalendarOutlined />,
      label: t('nav.periods'),
    },
    {
      to: '/don-vi',
      icon: <ApartmentOutlined />,
      label: t('nav.units'),
    },
    ...(me.data?.roles?.includes('admin')
      ? [
          {
            to: '/tai-khoan',
            icon: <TeamOutlined />,
            label: t('nav.accounts'),
          },
          {
            to: '/thu-nhac',
            icon: <MailOutlined />,
            label: t('nav.reminders'),
          },
        ]
      : []),
  ];
  const logout = () => {
    // values typed on a shared phone must not wait there for the next person, nor the forms read
    clearAllDrafts();
    forgetOfflineUser();
    void forgetOfflineData();
    void auth.signoutRedirect({ extraQueryParams: { ui_locales: i18n.language } });
  };

  const menu = (
    <ul className="nav-list">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end onClick={() => setDrawerOpen(false)} className="nav-item">
            <span className="nav-icon" aria-hidden="true">
              {item.icon}
            </span>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  const who = me.data?.displayName ?? me.data?.username;

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        {phone && (
          <button
            type="button"
            className="kh-btn kh-btn-text kh-btn-icon tap"
            aria-label={t('nav.menu')}
            aria-haspopup="dialog"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          >
            <MenuOutlined />
          </button>
        )}
        <Link to="/" className="shell-name">
          {t('app.name')}
        </Link>
        <div className="grow" />
        <NoticeBell phone={phone} />
        <LanguageSwitch onChange={(lng) => saveLanguage.mutate(lng)} />
        <button
          type="button"
          className={phone ? 'kh-btn kh-btn-icon tap' : 'kh-btn tap'}
          aria-label={t('nav.account')}
          aria-haspopup="dialog"
          aria-expanded={accountOpen}
          onClick={() => setAccountOpen(true)}
        >
          <UserOutlined />
          {phone ? null : <span>{me.data?.username ?? ''}</span>}
        </button>
      </header>
      <Sheet
        open={accountOpen}
        onClose={() => setAccountOpen(false)}
        title={who ?? t('nav.account')}
        side={phone ? 'right' : 'corner'}
      >
        <Suspense fallback={<PageLoading />}>
          <AntdFrame>
            <AccountPanel me={me.data} onLogout={logout} />
          </AntdFrame>
        </Suspense>
      </Sheet>
      {phone ? (
        <Sheet
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('nav.menu')}
          side="left"
        >
          <nav aria-label={t('nav.menu')}>{menu}</nav>
        </Sheet>
      ) : null}
      <div className="shell-body">
        {/* On a wide screen the menu stays on the left; it has room for every feature. */}
        {phone ? null : (
          <nav aria-label={t('nav.menu')} className="shell-sider">
            {menu}
          </nav>
        )}
        <main id="main" className="shell-content">
          <div className="shell-page">
            <Suspense fallback={<PageLoading />}>
              <AntdFrame>
                <Suspense fallback={null}>
                  <PlanBar />
                </Suspense>
                <Outlet />
              </AntdFrame>
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
