import { Button, Card, Flex, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { useReportForm } from '../api/submissions';
import { StateBadge } from '../components/state-badge';

type Form = NonNullable<ReturnType<typeof useReportForm>['data']>;

type Props = {
  data: Form;
  editable: boolean;
  /** Edits not saved yet. */
  dirty: boolean;
  /** Typed numbers that cannot be taken: nothing is saved or submitted while there are any. */
  problemCount: number;
  saving: boolean;
  submitting: boolean;
  onSave: () => void;
  onSubmit: () => void;
  /** The items with nothing entered, in the report's order. */
  emptyKeys: string[];
  total: number;
  sentAt: Date | undefined;
  onlyEmpty: boolean;
  onOnlyEmpty: (on: boolean) => void;
  onJump: (key: string) => void;
  onNextEmpty: () => void;
};

/**
 * The report's state and its buttons, kept in view while a long report is scrolled on a phone:
 * save, submit (saying how many items are still empty, with a way to the first), how many are
 * filled, and the ways to the items not yet entered.
 */
export function ReportBar(props: Props) {
  const { data, editable, dirty, problemCount, emptyKeys, total, sentAt, onJump } = props;
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const [confirming, setConfirming] = useState(false);
  const submission = data.submission ?? undefined;
  const time = (d: Date) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  return (
    <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5 }}>
      <Flex vertical gap={4}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Space wrap>
            <Typography.Text strong>{data.unitName}</Typography.Text>
            <StateBadge state={submission?.state ?? 'none'} />
            {submission?.imported ? <Tag>{t('reports.past.imported')}</Tag> : null}
            {data.period?.state === 'closed' ? (
              <Typography.Text type="secondary">{t('reports.period.closed')}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">
                {t('reports.period.openUntil', {
                  date: formatDate(data.period?.dueOn ?? '', locale),
                })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {submission ? (
              <Link to={`/bao-cao/${submission.id}/lich-su`}>{t('reports.history')}</Link>
            ) : null}
            {editable ? (
              <>
                <Button
                  onClick={props.onSave}
                  loading={props.saving}
                  disabled={!dirty || problemCount > 0}
                >
                  {t('reports.saveDraft')}
                </Button>
                <Popconfirm
                  open={confirming}
                  onOpenChange={(next) => setConfirming(next && problemCount === 0)}
                  title={
                    emptyKeys.length > 0
                      ? t('reports.submitIncomplete', { count: emptyKeys.length, total })
                      : t('reports.submitConfirm')
                  }
                  description={
                    emptyKeys.length > 0 ? (
                      <Button
                        type="link"
                        style={{ paddingInline: 0 }}
                        onClick={() => {
                          setConfirming(false);
                          if (emptyKeys[0]) onJump(emptyKeys[0]);
                        }}
                      >
                        {t('reports.toFirstEmpty')}
                      </Button>
                    ) : undefined
                  }
                  okText={emptyKeys.length > 0 ? t('reports.submitAnyway') : t('reports.submit')}
                  cancelText={t('app.close')}
                  onConfirm={props.onSubmit}
                >
                  <Button type="primary" loading={props.submitting} disabled={problemCount > 0}>
                    {t('reports.submit')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        </Flex>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type="secondary" data-testid="filled-count">
            {t('reports.filled', { filled: total - emptyKeys.length, total })}
            {dirty && editable ? (
              <Typography.Text type="warning"> · {t('reports.unsaved')}</Typography.Text>
            ) : null}
            {sentAt && !dirty ? (
              <Typography.Text type="success" data-testid="sent-at">
                {' '}
                · {t('reports.sentAt', { time: time(sentAt) })}
              </Typography.Text>
            ) : null}
          </Typography.Text>
          {editable && total > 0 ? (
            <Space wrap>
              <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <Switch size="small" checked={props.onlyEmpty} onChange={props.onOnlyEmpty} />
                {t('reports.onlyEmpty')}
              </label>
              <Button className="tap" disabled={emptyKeys.length === 0} onClick={props.onNextEmpty}>
                {t('reports.nextEmpty')}
              </Button>
            </Space>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
