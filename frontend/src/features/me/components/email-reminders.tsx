import { Flex, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences, useSaveEmailReminders } from '../api/preferences';

/** Reminders by e-mail on or off, with the address they go to (that of the account). */
export function EmailReminders() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const save = useSaveEmailReminders();
  const email = preferences.data?.email;
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center">
        <Switch
          id="email-reminders"
          checked={Boolean(email) && (preferences.data?.emailReminders ?? true)}
          disabled={!email || preferences.isPending}
          loading={save.isPending}
          onChange={(on) => save.mutate(on)}
        />
        <label htmlFor="email-reminders">{t('notices.byEmail')}</label>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {email ? t('notices.emailTo', { email }) : t('notices.noEmail')}
      </Typography.Text>
      {save.isError ? (
        <Typography.Text type="danger" role="alert">
          {t('error.stale')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
