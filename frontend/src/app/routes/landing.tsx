import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { PageLoading } from '@/components/ui/page-loading';

export function LandingRoute() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const returnTo = (location.state as { returnTo?: string } | null)?.returnTo ?? '/';
  const [unavailable, setUnavailable] = useState(false);

  // The login service may be down or out of reach on a weak connection: say so instead of
  // spinning forever (the redirect itself never resolves when it works, the page leaves).
  const login = async () => {
    setUnavailable(false);
    try {
      await Promise.race([
        auth.signinRedirect({
          state: { returnTo },
          extraQueryParams: { ui_locales: i18n.language },
        }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 15000)),
      ]);
    } catch {
      setUnavailable(true);
    }
  };

  if (auth.isLoading) {
    return <PageLoading />;
  }
  if (auth.isAuthenticated) {
    return <Navigate to={returnTo} replace />;
  }
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ maxWidth: 440, width: '100%' }}>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('app.org')}</Typography.Text>
            <LanguageSwitch />
          </Flex>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
            {t('landing.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('landing.lead')}</Typography.Paragraph>
          {unavailable || auth.error ? (
            <Alert type="error" showIcon role="alert" message={t('landing.unavailable')} />
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            loading={auth.activeNavigator === 'signinRedirect' && !unavailable}
            onClick={() => void login()}
          >
            {t('landing.login')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
