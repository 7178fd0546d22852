import { useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { PageLoading } from '@/components/ui/page-loading';

/** The start page of a visitor: what the system is, and the login. Drawn without antd. */
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
  const busy = auth.activeNavigator === 'signinRedirect' && !unavailable;
  return (
    <main className="landing">
      <div className="card landing-card">
        <div className="row-between">
          <span className="text-secondary">{t('app.org')}</span>
          <LanguageSwitch />
        </div>
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.lead')}</p>
        {unavailable || auth.error ? (
          <p className="alert-error" role="alert">
            {t('landing.unavailable')}
          </p>
        ) : null}
        <button
          type="button"
          className="kh-btn kh-btn-primary kh-btn-block tap"
          aria-busy={busy || undefined}
          disabled={busy}
          onClick={() => void login()}
        >
          {busy ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
          {t('landing.login')}
        </button>
      </div>
    </main>
  );
}
