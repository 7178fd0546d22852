import { useTranslation } from 'react-i18next';

/** A page on its way: drawn without antd, it is also what a phone shows before antd arrives. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
