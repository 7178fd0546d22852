import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  List,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { newIdempotencyKey } from '@/lib/api/retry';
import { useReportFlags } from '../api/flags';
import { useDiff, useReportForm, useReportTransition, type Transition } from '../api/submissions';
import { TargetText } from './item-row';
import { ReasonModal } from './reason-modal';
import { StateBadge } from './state-badge';
import { ValueFlags } from './value-flags';
import { ValueText } from './value-text';

/** One unit's report as its reviewer sees it: values beside targets, what changed, the actions. */
export function ReviewDrawer({
  plan,
  period,
  unit,
  onClose,
}: {
  plan: string;
  period: string;
  unit?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useReportForm(unit ? { plan, period, unit } : undefined);
  const submission = form.data?.submission ?? undefined;
  const diff = useDiff(submission?.id);
  const flags = useReportFlags(submission?.id);
  const flagged = new Map((flags.data?.values ?? []).map((v) => [v.item, v]));
  const open = (flags.data?.values ?? []).filter((v) => !v.check?.holds).length;
  const transition = useReportTransition();
  const [asking, setAsking] = useState<Transition>();
  const [problem, setProblem] = useState<string>();

  async function act(action: Transition, reason?: string) {
    if (!submission) return;
    setProblem(undefined);
    try {
      await transition.mutateAsync({
        key: newIdempotencyKey(),
        id: submission.id!,
        version: submission.version!,
        action,
        reason,
      });
      setAsking(undefined);
      void message.success(t(`reports.done.${action}`));
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('error.stale')
          : error instanceof ApiError
            ? (error.problem.detail ?? t('error.generic'))
            : t('error.offline'),
      );
      void form.refetch();
    }
  }

  const allowed: string[] = submission?.allowed ?? [];
  const changes = diff.data?.changes ?? [];
  return (
    <Drawer
      open={Boolean(unit)}
      onClose={onClose}
      title={form.data?.unitName ?? unit}
      width="min(720px, 100vw)"
    >
      {form.error ? <QueryError error={form.error} onRetry={() => void form.refetch()} /> : null}
      {form.data && !submission ? (
        <>
          <StateBadge state="none" />
          <Empty description={t('reports.notStarted')} />
        </>
      ) : null}
      {submission ? (
        <Flex vertical gap={12}>
          <Space wrap>
            <StateBadge state={submission.state} />
            {submission.imported ? <Tag>{t('reports.past.imported')}</Tag> : null}
            {allowed.includes('approve') ? (
              <Popconfirm
                title={t('reports.approveConfirm')}
                okText={t('reports.approve')}
                cancelText={t('app.close')}
                onConfirm={() => void act('approve')}
              >
                <Button type="primary" loading={transition.isPending}>
                  {t('reports.approve')}
                </Button>
              </Popconfirm>
            ) : null}
            {allowed.includes('return') ? (
              <Button danger onClick={() => setAsking('return')}>
                {t('reports.return')}
              </Button>
            ) : null}
            {allowed.includes('reopen') ? (
              <Button onClick={() => setAsking('reopen')}>{t('reports.reopen')}</Button>
            ) : null}
            <Link to={`/bao-cao/${submission.id}/lich-su`}>{t('reports.history')}</Link>
          </Space>
          <Typography.Text type="secondary">
            {t('reports.filled', {
              filled: (form.data?.items ?? []).filter(
                (i) => i.value?.number != null || Boolean(i.value?.status),
              ).length,
              total: form.data?.items?.length ?? 0,
            })}
          </Typography.Text>
          {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
          {flagged.size ? (
            <Alert
              type={open ? 'warning' : 'success'}
              showIcon
              data-testid="flags-summary"
              message={
                open
                  ? t('flags.summary', { count: flagged.size, open })
                  : t('flags.allChecked', { count: flagged.size })
              }
            />
          ) : null}
          {submission.returnReason ? (
            <Alert
              type="warning"
              showIcon
              message={t('reports.returnedBecause')}
              description={submission.returnReason}
            />
          ) : null}
          {diff.data?.approvedAt ? (
            <Alert
              type={changes.length ? 'info' : 'success'}
              showIcon
              message={
                changes.length
                  ? t('reports.changedSinceApproval', { count: changes.length })
                  : t('reports.unchangedSinceApproval')
              }
              description={
                changes.length ? (
                  <ul style={{ paddingInlineStart: 18, margin: 0 }} data-testid="diff">
                    {changes.map((c) => (
                      <li key={c.item}>
                        {c.title}: <ValueText value={c.approved as never} /> →{' '}
                        <ValueText value={c.current as never} />
                      </li>
                    ))}
                  </ul>
                ) : null
              }
            />
          ) : null}
          <List
            size="small"
            dataSource={form.data?.items ?? []}
            renderItem={(item) => (
              <List.Item data-testid={`review-${item.key}`}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <span>
                    <Typography.Text strong>{item.code ? `${item.code}. ` : ''}</Typography.Text>
                    {item.title}
                  </span>
                  <TargetText item={item} />
                  <ValueText value={item.value} unit={item.measureUnit} />
                  {flagged.has(item.key) && flags.data ? (
                    <ValueFlags
                      value={flagged.get(item.key)!}
                      submission={{ id: flags.data.submission!, version: flags.data.version! }}
                      canCheck={Boolean(flags.data.canCheck)}
                    />
                  ) : null}
                  {(item.value?.evidence ?? []).map((link) => (
                    <a key={link} href={link} target="_blank" rel="noreferrer noopener">
                      {link}
                    </a>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
      <ReasonModal
        open={asking === 'return' || asking === 'reopen'}
        title={asking === 'reopen' ? t('reports.reopen') : t('reports.return')}
        loading={transition.isPending}
        onCancel={() => setAsking(undefined)}
        onOk={(reason) => void act(asking!, reason)}
      />
    </Drawer>
  );
}
