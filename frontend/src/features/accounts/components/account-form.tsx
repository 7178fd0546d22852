import { Checkbox, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRANTABLE } from '../api/accounts';

export type AccountFormValues = {
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  unit: string;
  roles: string[];
  enabled?: boolean;
};

type Props = {
  form: ReturnType<typeof Form.useForm<AccountFormValues>>[0];
  units: { value: string; label: string }[];
  creating: boolean;
  initial: AccountFormValues;
};

/** The fields of an account: username (when new), names, e-mail, unit, roles, enabled. */
export function AccountForm({ form, units, creating, initial }: Props) {
  const { t } = useTranslation();
  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
      {creating ? (
        <Form.Item
          name="username"
          label={t('accounts.username')}
          extra={t('accounts.usernameRule')}
          rules={[
            { required: true, message: t('accounts.required') },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,59}$/, message: t('accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
      ) : null}
      <Form.Item name="lastName" label={t('accounts.lastName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="firstName" label={t('accounts.firstName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="email" label={t('accounts.email')} rules={[{ type: 'email' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="unit"
        label={t('accounts.unit')}
        rules={[{ required: true, message: t('accounts.required') }]}
      >
        <Select showSearch optionFilterProp="label" options={units} data-testid="account-unit" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('accounts.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('accounts.required') }]}
      >
        <Checkbox.Group options={GRANTABLE.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {!creating ? (
        <Form.Item name="enabled" label={t('accounts.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </Form>
  );
}
