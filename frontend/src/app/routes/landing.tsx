import { Button, Card, Flex, Typography } from 'antd';
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
          <Button
            type="primary"
            size="large"
            block
            loading={auth.activeNavigator === 'signinRedirect'}
            onClick={() =>
              void auth.signinRedirect({
                state: { returnTo },
                extraQueryParams: { ui_locales: i18n.language },
              })
            }
          >
            {t('landing.login')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
