import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A temporary password, shown this once with the account it opens. */
export function PasswordShownOnce({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={Boolean(password)}
      title={t('accounts.password.title')}
      onOk={onClose}
      okText={t('accounts.close')}
      okButtonProps={{ id: 'password-shown-ok' }}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('accounts.password.once')} />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('accounts.username')}: <Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('accounts.password.label')}:{' '}
        <Typography.Text code copyable data-testid="temporary-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
