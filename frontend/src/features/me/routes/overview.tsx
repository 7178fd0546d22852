import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { Todo } from '../components/todo';

/** The first page after login: who you are and what waits for you (your profile is in the account menu). */
export function OverviewRoute() {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) {
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  const { username, displayName, orgUnit, orgUnitCode, allowed } = me.data;

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={0}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('me.title', { name: displayName ?? username })}
        </Typography.Title>
        {orgUnit ? (
          <Typography.Text type="secondary">
            <span data-testid="me-unit-name">{orgUnit.name}</span> · {orgUnit.code}
          </Typography.Text>
        ) : null}
      </Flex>
      {!orgUnit && (
        <Alert type="warning" showIcon message={t('me.noUnit', { code: orgUnitCode ?? '–' })} />
      )}
      <Todo allowed={allowed ?? []} unit={orgUnit?.code} />
    </Flex>
  );
}
