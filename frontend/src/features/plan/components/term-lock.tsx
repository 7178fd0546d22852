import { Alert, App, Button, Card, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import type { PlanSummary } from '@/lib/api/plans';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useLockHistory, useTermLock } from '../api/term-lock';

/**
 * Khóa số liệu nhiệm kỳ: the province's planner locks the term once its final reports are
 * approved, and reopens it with a reason; everyone sees whether it is locked and its history.
 */
export function TermLockCard({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const locale = intlLocale(i18n.language);
  const history = useLockHistory(plan.code);
  const change = useTermLock();
  const [asking, setAsking] = useState<'lock' | 'reopen'>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const canLock = plan.allowed?.includes('lock');
  const canReopen = plan.allowed?.includes('unlock');
  if (!plan.lock && !canLock && !(history.data ?? []).length) return null;

  async function act() {
    setProblem(undefined);
    try {
      await change.mutateAsync({
        planId: plan.code!,
        version: Number(plan.version ?? 0),
        action: asking!,
        reason: reason.trim() || undefined,
      });
      void message.success(t(asking === 'lock' ? 'plan.lock.done' : 'plan.lock.reopened'));
      setAsking(undefined);
      setReason('');
    } catch (error) {
      setAsking(undefined);
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('error.stale')
          : error instanceof ApiError
            ? (error.problem.detail ?? t('error.generic'))
            : t('error.offline'),
      );
    }
  }

  return (
    <Card size="small" title={t('plan.lock.title')} data-testid="term-lock">
      <Flex vertical gap={8}>
        {plan.lock ? (
          <Typography.Text>
            {t('plan.lock.lockedBy', {
              at: formatDateTime(plan.lock.lockedAt ?? '', locale),
              by: plan.lock.lockedBy ?? '',
            })}
            {plan.lock.reason ? ` “${plan.lock.reason}”` : ''}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('plan.lock.help')}</Typography.Text>
        )}
        {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
        <Flex wrap gap={8}>
          {canLock ? (
            <Button className="tap" onClick={() => setAsking('lock')}>
              {t('plan.lock.lock')}
            </Button>
          ) : null}
          {canReopen ? (
            <Button className="tap" onClick={() => setAsking('reopen')}>
              {t('plan.lock.reopen')}
            </Button>
          ) : null}
        </Flex>
        {(history.data ?? []).length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {history.data!.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at ?? '', locale)} · {e.actor}: {t(`plan.lock.event.${e.action}`)}
                {e.reason ? ` “${e.reason}”` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </Flex>
      <Modal
        open={Boolean(asking)}
        title={asking === 'reopen' ? t('plan.lock.reopen') : t('plan.lock.lock')}
        okText={asking === 'reopen' ? t('plan.lock.reopen') : t('plan.lock.lock')}
        cancelText={t('app.close')}
        confirmLoading={change.isPending}
        okButtonProps={{ disabled: asking === 'reopen' && reason.trim() === '' }}
        destroyOnHidden
        onCancel={() => setAsking(undefined)}
        onOk={() => void act()}
      >
        <Flex vertical gap={8}>
          <Typography.Paragraph>
            {asking === 'reopen' ? t('plan.lock.reopenWarning') : t('plan.lock.lockWarning')}
          </Typography.Paragraph>
          <label htmlFor="lock-reason">
            {asking === 'reopen' ? t('plan.lock.reasonRequired') : t('plan.lock.reasonOptional')}
          </label>
          <Input.TextArea
            id="lock-reason"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Flex>
      </Modal>
    </Card>
  );
}
