import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  readAccount,
  useAccounts,
  useCreateAccount,
  useResetPassword,
  useUnitChoices,
  useUpdateAccount,
  type Account,
} from '../api/accounts';
import { AccountForm, type AccountFormValues } from '../components/account-form';
import { BulkModal } from '../components/bulk-modal';
import { AccountHistory } from '../components/history-drawer';
import { PasswordShownOnce } from '../components/password-shown-once';
import { SuccessionsModal } from '../components/successions-modal';
import { ScrollBox } from '@/components/ui/scroll-box';

/**
 * The accounts of the admin's subtree: who has which roles at which unit, enabled or not, last
 * login; create one, or one reporter for every commune at once; change, disable, reset a password;
 * the history of each. Everything goes to Keycloak through the backend, which checks the rules.
 */
export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [unit, setUnit] = useState<string>();
  const [q, setQ] = useState('');
  const [closed, setClosed] = useState(false);
  const [page, setPage] = useState(0);
  const accounts = useAccounts({ unit, q, closed, page });
  const units = useUnitChoices(me.data?.orgUnitCode ?? undefined);
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ account: Account; etag: string }>();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [successionsOpen, setSuccessionsOpen] = useState(false);
  const [historyOf, setHistoryOf] = useState<string>();
  const [shown, setShown] = useState<{ username: string; password: string }>();
  const [createForm] = Form.useForm<AccountFormValues>();
  const [editForm] = Form.useForm<AccountFormValues>();

  if (me.isPending) return <PageLoading />;
  if (!me.data?.roles?.includes('admin')) return <Empty description={t('accounts.adminOnly')} />;
  const unitOptions = units.data ?? [];
  const locale = intlLocale(i18n.language);

  const submitCreate = async () => {
    const v = await createForm.validateFields();
    create.mutate(
      { ...v, username: v.username!, roles: v.roles },
      {
        onSuccess: (made) => {
          setCreating(false);
          createForm.resetFields();
          setShown({ username: made.account!.username!, password: made.temporaryPassword! });
        },
      },
    );
  };
  const openEdit = async (a: Account) => setEditing(await readAccount(a.id!));
  const submitEdit = async () => {
    if (!editing) return;
    const v = await editForm.validateFields();
    update.mutate(
      {
        id: editing.account.id!,
        etag: editing.etag,
        body: { ...v, enabled: Boolean(v.enabled), roles: v.roles },
      },
      {
        onSuccess: () => {
          setEditing(undefined);
          void message.success(t('accounts.saved'));
        },
      },
    );
  };
  const problem = (e: unknown) =>
    e instanceof ApiError && e.status === 412 ? t('accounts.stale') : (e as Error).message;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('accounts.heading')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="account-create">
          {t('accounts.create')}
        </Button>
        {unitOptions.some((u) => u.level < 3) ? (
          <Button onClick={() => setBulkOpen(true)} data-testid="bulk-open">
            {t('accounts.bulk.open')}
          </Button>
        ) : null}
        <Button onClick={() => setSuccessionsOpen(true)} data-testid="successions-open">
          {t('accounts.successions.open')}
        </Button>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Select
          allowClear
          aria-label={t('accounts.unit')}
          placeholder={t('accounts.allUnits')}
          style={{ minWidth: 220 }}
          showSearch
          optionFilterProp="label"
          value={unit}
          onChange={(v) => {
            setUnit(v);
            setPage(0);
          }}
          options={unitOptions}
        />
        <Input.Search
          aria-label={t('accounts.search')}
          placeholder={t('accounts.search')}
          allowClear
          style={{ maxWidth: 260 }}
          onSearch={(v) => {
            setQ(v);
            setPage(0);
          }}
        />
        <Checkbox checked={closed} onChange={(e) => setClosed(e.target.checked)}>
          {t('accounts.closedOnly')}
        </Checkbox>
      </Flex>
      {accounts.error ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      {reset.error ? <Alert type="error" showIcon message={reset.error.message} /> : null}
      <ScrollBox label={t('accounts.heading')}>
        <Table<Account>
          rowKey="id"
          size="small"
          loading={accounts.isFetching}
          style={{ minWidth: 760 }}
          dataSource={accounts.data?.items ?? []}
          pagination={{
            current: page + 1,
            pageSize: 50,
            total: accounts.data?.total ?? 0,
            onChange: (p) => setPage(p - 1),
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('accounts.username'),
              dataIndex: 'username',
              render: (v: string, a) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{v}</Typography.Text>
                  <Typography.Text type="secondary">
                    {[a.lastName, a.firstName].filter(Boolean).join(' ')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('accounts.unit'),
              render: (_, a) =>
                a.unitClosed ? (
                  <Space>
                    {a.unitCode}
                    <Tag color="red">{t('accounts.unitClosed')}</Tag>
                  </Space>
                ) : (
                  a.unitName
                ),
            },
            {
              title: t('accounts.roles'),
              render: (_, a) => (a.roles ?? []).map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
            },
            {
              title: t('accounts.enabled'),
              render: (_, a) =>
                a.enabled ? (
                  <Tag>{t('accounts.on')}</Tag>
                ) : (
                  <Tag color="error">{t('accounts.off')}</Tag>
                ),
            },
            {
              title: t('accounts.lastLogin'),
              render: (_, a) => (a.lastLogin ? formatDateTime(a.lastLogin, locale) : '—'),
            },
            {
              title: '',
              render: (_, a) => (
                <Space wrap>
                  <Button size="small" onClick={() => void openEdit(a)}>
                    {t('accounts.edit')}
                  </Button>
                  <Popconfirm
                    title={t('accounts.password.confirm', { username: a.username })}
                    onConfirm={() =>
                      reset.mutate(a.id!, {
                        onSuccess: (r) =>
                          setShown({ username: a.username!, password: r.temporaryPassword! }),
                      })
                    }
                  >
                    <Button size="small">{t('accounts.password.reset')}</Button>
                  </Popconfirm>
                  <Button size="small" type="link" onClick={() => setHistoryOf(a.id)}>
                    {t('accounts.history.open')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </ScrollBox>

      <Modal
        open={creating}
        title={t('accounts.create')}
        onCancel={() => setCreating(false)}
        onOk={() => void submitCreate()}
        okText={t('accounts.createOk')}
        confirmLoading={create.isPending}
      >
        <AccountForm
          form={createForm}
          units={unitOptions}
          creating
          initial={{ unit: me.data.orgUnitCode ?? '', roles: ['reporter'] }}
        />
        {create.error ? <Alert type="error" showIcon message={create.error.message} /> : null}
      </Modal>

      <Drawer
        open={Boolean(editing)}
        onClose={() => setEditing(undefined)}
        title={editing?.account.username}
        width="min(480px, 100vw)"
        destroyOnHidden
        extra={
          <Button type="primary" loading={update.isPending} onClick={() => void submitEdit()}>
            {t('accounts.save')}
          </Button>
        }
      >
        {editing ? (
          <AccountForm
            form={editForm}
            units={unitOptions}
            creating={false}
            initial={{
              firstName: editing.account.firstName ?? undefined,
              lastName: editing.account.lastName ?? undefined,
              email: editing.account.email ?? undefined,
              unit: editing.account.unitCode ?? '',
              roles: editing.account.roles ?? [],
              enabled: editing.account.enabled,
            }}
          />
        ) : null}
        {update.error ? <Alert type="error" showIcon message={problem(update.error)} /> : null}
      </Drawer>

      <BulkModal
        open={bulkOpen}
        onClose={() => setBulkOpen(false)}
        units={unitOptions}
        unitsLoading={units.isPending}
        unitsError={units.error}
        onRetryUnits={() => void units.refetch()}
      />
      <SuccessionsModal open={successionsOpen} onClose={() => setSuccessionsOpen(false)} />
      <AccountHistory id={historyOf} onClose={() => setHistoryOf(undefined)} />
      <PasswordShownOnce
        username={shown?.username ?? ''}
        password={shown?.password}
        onClose={() => setShown(undefined)}
      />
    </Flex>
  );
}
