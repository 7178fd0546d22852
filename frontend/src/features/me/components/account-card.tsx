import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';

type Me = components['schemas']['Me'];

/** Who the user is, their unit and roles: the account menu's content. */
export function AccountCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { username, roles, orgUnit, orgUnitCode } = me;
  return (
    <Descriptions column={1} size="small" data-testid="me-details" style={{ maxWidth: 320 }}>
      <Descriptions.Item label={t('me.unit')}>
        <strong>{orgUnit?.name ?? '–'}</strong>
      </Descriptions.Item>
      <Descriptions.Item label={t('me.unitCode')}>
        {orgUnit?.code ?? orgUnitCode ?? '–'}
      </Descriptions.Item>
      {orgUnit && (
        <>
          <Descriptions.Item label={t('me.unitType')}>
            {t(`unitType.${orgUnit.type}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('me.level')}>{t(`level.${orgUnit.level}`)}</Descriptions.Item>
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
  );
}
