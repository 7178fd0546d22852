import { Alert, App, Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { formatDate, formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  useReminderMails,
  useReminderRuns,
  useRetryMail,
  useRunReminders,
  type MailState,
  type ReminderMail,
  type ReminderRun,
} from '../api/notices';

// solid colours with white text: the preset ones are too pale for small text (axe)
const STATE_COLOR: Record<string, string> = {
  pending: '#ad4e00',
  sent: '#237804',
  failed: '#a8071a',
};

/**
 * The reminders for an admin: what was sent to whom (the accounts of their subtree), what waits
 * for another attempt and why, what was given up (sent again with a click), and each run of
 * every backend instance. A province admin can run today's reminders at once.
 */
export function RemindersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const locale = intlLocale(i18n.language);
  const me = useMe();
  const [state, setState] = useState<MailState | 'all'>('all');
  const [page, setPage] = useState(0);
  const mails = useReminderMails(state === 'all' ? undefined : state, page);
  const runs = useReminderRuns();
  const retry = useRetryMail();
  const runNow = useRunReminders();
  const [problem, setProblem] = useState<string>();
  const province = me.data?.orgUnit != null && !me.data.orgUnit.parentCode;

  async function act(action: () => Promise<unknown>, done: string) {
    setProblem(undefined);
    try {
      await action();
      void message.success(done);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem.detail : t('error.offline'));
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reminders.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reminders.help')}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      <Card
        size="small"
        title={t('reminders.runs')}
        extra={
          province ? (
            <Button
              type="primary"
              className="tap"
              loading={runNow.isPending}
              onClick={() =>
                void act(async () => {
                  const run = await runNow.mutateAsync();
                  if (run.error) throw new Error(run.error);
                }, t('reminders.ran'))
              }
            >
              {t('reminders.runNow')}
            </Button>
          ) : null
        }
      >
        {runs.error ? (
          <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <ScrollBox label={t('reminders.runs')}>
            <Table<ReminderRun>
              rowKey="id"
              size="small"
              loading={runs.isPending}
              pagination={false}
              dataSource={(runs.data ?? []).slice(0, 5)}
              columns={[
                {
                  title: t('reminders.startedAt'),
                  key: 'at',
                  render: (_, r) => formatDateTime(r.startedAt ?? '', locale),
                },
                {
                  title: t('reminders.day'),
                  key: 'day',
                  render: (_, r) => formatDate(r.day ?? '', locale),
                },
                { title: t('reminders.instance'), dataIndex: 'instance' },
                { title: t('reminders.notices'), dataIndex: 'notices' },
                { title: t('reminders.sent'), dataIndex: 'mailsSent' },
                { title: t('reminders.failed'), dataIndex: 'mailsFailed' },
                {
                  title: t('reminders.error'),
                  key: 'error',
                  render: (_, r) =>
                    r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : '–',
                },
              ]}
            />
          </ScrollBox>
        )}
      </Card>
      <Card size="small" title={t('reminders.mails')}>
        <Flex vertical gap={12}>
          <Segmented<MailState | 'all'>
            className="tap"
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(0);
            }}
            options={(['all', 'pending', 'sent', 'failed'] as const).map((s) => ({
              value: s,
              label: t(`reminders.state.${s}`),
            }))}
          />
          {mails.error ? (
            <QueryError error={mails.error} onRetry={() => void mails.refetch()} />
          ) : (
            <ScrollBox label={t('reminders.mails')}>
              <Table<ReminderMail>
                rowKey="id"
                size="small"
                loading={mails.isPending}
                dataSource={mails.data?.items ?? []}
                pagination={{
                  current: page + 1,
                  pageSize: 50,
                  total: mails.data?.totalItems ?? 0,
                  showSizeChanger: false,
                  onChange: (p) => setPage(p - 1),
                }}
                columns={[
                  {
                    title: t('reminders.madeAt'),
                    key: 'at',
                    render: (_, m) => formatDateTime(m.createdAt ?? '', locale),
                  },
                  {
                    title: t('reminders.to'),
                    key: 'to',
                    render: (_, m) => (
                      <Flex vertical>
                        <span>{m.username}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.address}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  { title: t('reminders.subject'), dataIndex: 'subject' },
                  {
                    title: t('reminders.stateTitle'),
                    key: 'state',
                    render: (_, m) => (
                      <Flex vertical gap={2}>
                        <Tag color={STATE_COLOR[m.state ?? '']}>
                          {t(`reminders.state.${m.state}`)}
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.state === 'sent'
                            ? formatDateTime(m.sentAt ?? '', locale)
                            : m.state === 'pending' && m.nextAttemptAt
                              ? t('reminders.nextAttempt', {
                                  at: formatDateTime(m.nextAttemptAt, locale),
                                })
                              : t('reminders.attempts', { count: m.attempts })}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    title: t('reminders.lastError'),
                    key: 'error',
                    render: (_, m) =>
                      m.lastError ? (
                        <Typography.Text type="danger" style={{ fontSize: 12 }}>
                          {m.lastError}
                        </Typography.Text>
                      ) : (
                        '–'
                      ),
                  },
                  {
                    title: '',
                    key: 'action',
                    render: (_, m) =>
                      m.state === 'failed' ? (
                        <Button
                          size="small"
                          className="tap"
                          loading={retry.isPending && retry.variables === m.id}
                          onClick={() =>
                            void act(() => retry.mutateAsync(m.id!), t('reminders.retried'))
                          }
                          aria-label={`${t('reminders.retry')} ${m.address}`}
                        >
                          {t('reminders.retry')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </ScrollBox>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
