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
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Popover, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { clearAllDrafts } from '@/features/reports/api/local-draft';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { useMe } from '@/lib/api/me';
import { usePreferences, useSaveLanguage } from '@/features/me/api/preferences';
import { AccountCard } from '@/features/me/components/account-card';
import { NoticeBell } from '@/features/notices/components/notice-bell';
import { isLanguage } from '@/lib/i18n';
import { forgetOfflineUser } from '@/lib/offline-user';
import { forgetOfflineData } from '@/lib/service-worker';

// Loaded with the first page that shows a plan: the switcher's Select is not in the first download.
const PlanBar = lazy(async () => ({ default: (await import('./plan-bar')).PlanBar }));

// Shown only when the account menu is opened: not part of the first download.
const EmailReminders = lazy(async () => ({
  default: (await import('@/features/me/components/email-reminders')).EmailReminders,
}));

/** The frame of every page after login: navigation, language, account and logout. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
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

  const items = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    {
      key: '/tien-do',
      icon: <LineChartOutlined />,
      label: <Link to="/tien-do">{t('nav.progress')}</Link>,
    },
    {
      key: '/ke-hoach',
      icon: <ProfileOutlined />,
      label: <Link to="/ke-hoach">{t('nav.plan')}</Link>,
    },
    // A unit with no units below it (a commune) allocates nothing and has no page for it.
    ...((me.data?.orgUnit?.level ?? 3) < 3
      ? [
          {
            key: '/chi-tieu',
            icon: <AimOutlined />,
            label: <Link to="/chi-tieu">{t('nav.targets')}</Link>,
          },
        ]
      : []),
    {
      key: '/bao-cao',
      icon: <FormOutlined />,
      label: <Link to="/bao-cao">{t('nav.reports')}</Link>,
    },
    ...(me.data?.allowed?.includes('review')
      ? [
          {
            key: '/duyet',
            icon: <AuditOutlined />,
            label: <Link to="/duyet">{t('nav.review')}</Link>,
          },
        ]
      : []),
    // figures to check before the term is locked: for the levels that review others
    ...((me.data?.orgUnit?.level ?? 3) < 3
      ? [
          {
            key: '/so-lieu-bat-thuong',
            icon: <WarningOutlined />,
            label: <Link to="/so-lieu-bat-thuong">{t('nav.flags')}</Link>,
          },
        ]
      : []),
    {
      key: '/thi-dua',
      icon: <TrophyOutlined />,
      label: <Link to="/thi-dua">{t('nav.emulation')}</Link>,
    },
    {
      key: '/tong-ket',
      icon: <FileTextOutlined />,
      label: <Link to="/tong-ket">{t('nav.summary')}</Link>,
    },
    {
      key: '/ky-bao-cao',
      icon: <CalendarOutlined />,
      label: <Link to="/ky-bao-cao">{t('nav.periods')}</Link>,
    },
    {
      key: '/don-vi',
      icon: <ApartmentOutlined />,
      label: <Link to="/don-vi">{t('nav.units')}</Link>,
    },
    ...(me.data?.roles?.includes('admin')
      ? [
          {
            key: '/tai-khoan',
            icon: <TeamOutlined />,
            label: <Link to="/tai-khoan">{t('nav.accounts')}</Link>,
          },
          {
            key: '/thu-nhac',
            icon: <MailOutlined />,
            label: <Link to="/thu-nhac">{t('nav.reminders')}</Link>,
          },
        ]
      : []),
  ];
  const selected = items.filter((item) => item.key === location.pathname).map((item) => item.key);
  const logout = () => {
    // values typed on a shared phone must not wait there for the next person, nor the forms read
    clearAllDrafts();
    forgetOfflineUser();
    void forgetOfflineData();
    void auth.signoutRedirect({ extraQueryParams: { ui_locales: i18n.language } });
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#fff',
          padding: phone ? '0 12px' : '0 24px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        {phone && (
          <Button
            type="text"
            className="tap"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ color: '#c41d7f', fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <div style={{ flex: 1 }} />
        <NoticeBell phone={phone} />
        <LanguageSwitch onChange={(lng) => saveLanguage.mutate(lng)} />
        <Popover
          trigger="click"
          placement="bottomRight"
          title={me.data?.displayName ?? me.data?.username}
          content={
            <Flex vertical gap={8}>
              {me.data ? <AccountCard me={me.data} /> : null}
              <Button icon={<LogoutOutlined />} onClick={logout} className="tap">
                {t('nav.logout')}
              </Button>
              {/* last: loaded when the menu first opens, it appears below what is already there
                  and never moves the button a finger is on its way to */}
              <Suspense fallback={null}>
                <EmailReminders />
              </Suspense>
            </Flex>
          }
        >
          <Button icon={<UserOutlined />} aria-label={t('nav.account')} className="tap">
            {phone ? null : (me.data?.username ?? '')}
          </Button>
        </Popover>
      </Layout.Header>
      <Drawer
        title={t('nav.menu')}
        placement="left"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        width={260}
      >
        {menu}
      </Drawer>
      <Layout hasSider={!phone}>
        {/* On a wide screen the menu stays on the left; it has room for every feature. */}
        {phone ? null : (
          <Layout.Sider
            width={220}
            theme="light"
            style={{ borderInlineEnd: '1px solid #f0f0f0' }}
            aria-label={t('nav.menu')}
          >
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" style={{ padding: phone ? 12 : 24 }}>
          <Flex vertical style={{ maxWidth: 1200, margin: '0 auto', width: '100%' }}>
            <Suspense fallback={null}>
              <PlanBar />
            </Suspense>
            <Outlet />
          </Flex>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
