import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { AccountCard } from '@/features/me/components/account-card';
import { EmailReminders } from '@/features/me/components/email-reminders';
import type { components } from '@/lib/api/schema';
import { useTranslation } from 'react-i18next';

type Me = components['schemas']['Me'];

/** The account menu's content: who the user is, the logout, reminders by e-mail. */
export function AccountPanel({ me, onLogout }: { me: Me | undefined; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {me ? <AccountCard me={me} /> : null}
      <Button icon={<LogoutOutlined />} onClick={onLogout} className="tap">
        {t('nav.logout')}
      </Button>
      <EmailReminders />
    </Flex>
  );
}
