import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** What a user sees when a page fails to render: their language, a way out, no stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <div className="result" role="alert">
      <h1>{t('error.page')}</h1>
      <p>{t('error.pageHelp')}</p>
      <button
        type="button"
        className="kh-btn kh-btn-primary tap"
        onClick={() => window.location.reload()}
      >
        {t('app.retry')}
      </button>
    </div>
  );
}
