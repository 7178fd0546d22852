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
      <div className="result" role="alert">
        <h1>{t('auth.callbackError', { message: auth.error.message })}</h1>
        <Link to="/dang-nhap" className="kh-btn kh-btn-primary tap">
          {t('auth.backHome')}
        </Link>
      </div>
    );
  }
  return <PageLoading />;
}
