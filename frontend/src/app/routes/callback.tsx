import { Button, Result } from 'antd';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';

/** Where Keycloak sends the browser back; AuthProvider exchanges the code, then navigates. */
export function CallbackRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.error) {
    return (
      <Result
        status="error"
        title={t('auth.callbackError', { message: auth.error.message })}
        extra={
          <Link to="/dang-nhap">
            <Button type="primary">{t('auth.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <PageLoading />;
}
