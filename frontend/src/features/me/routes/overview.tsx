import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useMe } from '@/lib/api/me';
import { Todo } from '../components/todo';

/** The first page after login: who you are, your unit and what you may do. */
export function OverviewRoute() {
  const { t, i18n } = useTranslation();
  const me = useMe();

  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) {
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  const { username, displayName, roles, orgUnit, orgUnitCode, allowed } = me.data;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('me.title', { name: displayName ?? username })}
      </Typography.Title>
      {!orgUnit && (
        <Alert type="warning" showIcon message={t('me.noUnit', { code: orgUnitCode ?? '–' })} />
      )}
      <Todo allowed={allowed ?? []} unit={orgUnit?.code} />
      <Card>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} data-testid="me-details">
          <Descriptions.Item label={t('me.unit')}>
            <strong data-testid="me-unit-name">{orgUnit?.name ?? '–'}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('me.unitCode')}>
            {orgUnit?.code ?? orgUnitCode ?? '–'}
          </Descriptions.Item>
          {orgUnit && (
            <>
              <Descriptions.Item label={t('me.unitType')}>
                {t(`unitType.${orgUnit.type}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('me.level')}>
                {t(`level.${orgUnit.level}`)}
              </Descriptions.Item>
              {orgUnit.validFrom && (
                <Descriptions.Item label={t('me.validFrom')}>
                  {formatDate(orgUnit.validFrom, intlLocale(i18n.language))}
                </Descriptions.Item>
              )}
            </>
          )}
          <Descriptions.Item label={t('me.username')}>{username}</Descriptions.Item>
          <Descriptions.Item label={t('me.roles')}>
            {roles?.length ? roles.map((role) => <Tag key={role}>{t(`role.${role}`)}</Tag>) : '–'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
