import { useTranslation } from 'react-i18next';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="result">
      <h1>404</h1>
      <p>{t('error.notFound')}</p>
    </div>
  );
}
