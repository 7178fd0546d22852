import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';

/** What a failed load tells the user, in their language, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('error.generic');
  if (error instanceof ApiError) {
    if (error.status === 401) message = t('error.unauthenticated');
    else if (error.status === 403) message = t('error.forbidden');
    else if (error.status === 404) message = t('error.notFound');
    else message = error.problem.detail ?? message;
  } else if (error instanceof TypeError) {
    message = t('error.offline');
  }
  return (
    <Alert
      type="error"
      showIcon
      message={message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )
      }
    />
  );
}
