import { Alert, App, Button, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { usePlan } from '@/lib/api/plans';
import { newIdempotencyKey } from '@/lib/api/retry';
import { intlLocale } from '@/lib/i18n';
import { useBulkReview, useReviewQueue, type Queue } from '../api/submissions';
import { labelOfCode } from '@/lib/period';
import { ReasonModal } from '../components/reason-modal';
import { ReviewDrawer } from '../components/review-drawer';
import { STATE_COLORS, StateBadge } from '../components/state-badge';

type Row = NonNullable<Queue['units']>[number];

/** The reviewer's queue: what waits for them per period; approve or return one or several. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { plan, plans } = usePlan(params.get('plan'));
  const queue = useReviewQueue(plan?.code, params.get('period') ?? undefined);
  const bulk = useBulkReview();
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [returning, setReturning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const open = params.get('unit') ?? undefined;

  if (plans.isPending || queue.isPending) return <PageLoading />;
  if (plans.error || queue.error) {
    return <QueryError error={plans.error ?? queue.error} onRetry={() => void queue.refetch()} />;
  }
  const data = queue.data;
  if (!plan || !data) return <Empty />;
  const period = data.period ?? undefined;
  const counts = data.periods?.find((p) => p.period === period);
  const rows = data.units ?? [];
  const chosen = rows.filter((r) => selected.includes(r.unitCode!));

  const setParam = (name: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  async function review(action: 'approve' | 'return', reason?: string) {
    setProblem(undefined);
    try {
      await bulk.mutateAsync({
        key: newIdempotencyKey(),
        action,
        reason,
        submissions: chosen.map((r) => ({ id: r.submissionId!, version: r.version! })),
      });
      setSelected([]);
      setReturning(false);
      void message.success(t(`reports.bulkDone.${action}`, { count: chosen.length }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem.detail : t('error.offline'));
      void queue.refetch();
    }
  }

  const dateTime = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.reviewTitle')}
      </Typography.Title>
      <Select
        aria-label={t('reports.periodLabel')}
        data-testid="queue-period"
        style={{ maxWidth: '100%', minWidth: 260 }}
        value={period}
        onChange={(code) => {
          setSelected([]);
          setParam('period', code);
        }}
        options={(data.periods ?? [])
          .slice()
          .reverse()
          .map((p) => ({
            value: p.period,
            label: `${labelOfCode(p.period ?? '', t)} · ${t('reports.waitingCount', { count: p.waiting })}`,
          }))}
      />
      {counts ? (
        <Space wrap data-testid="queue-counts">
          <Tag color={STATE_COLORS.submitted}>
            {t('reports.count.waiting', { count: counts.waiting })}
          </Tag>
          <Tag color={STATE_COLORS.approved}>
            {t('reports.count.approved', { count: counts.approved })}
          </Tag>
          <Tag color={STATE_COLORS.returned}>
            {t('reports.count.returned', { count: counts.returned })}
          </Tag>
          <Tag color={STATE_COLORS.draft}>{t('reports.count.draft', { count: counts.draft })}</Tag>
          <Tag>{t('reports.count.none', { count: counts.none })}</Tag>
        </Space>
      ) : null}
      <Space wrap>
        <Button
          type="primary"
          disabled={chosen.length === 0}
          loading={bulk.isPending}
          onClick={() => void review('approve')}
        >
          {t('reports.approveSelected', { count: chosen.length })}
        </Button>
        <Button danger disabled={chosen.length === 0} onClick={() => setReturning(true)}>
          {t('reports.returnSelected', { count: chosen.length })}
        </Button>
      </Space>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      <Table<Row>
        rowKey="unitCode"
        size="small"
        pagination={false}
        dataSource={rows}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: setSelected,
          getCheckboxProps: (r) => ({
            disabled: r.state !== 'submitted',
            'aria-label': r.unitName,
          }),
        }}
        columns={[
          {
            title: t('reports.unit'),
            dataIndex: 'unitName',
            render: (name: string, r) => (
              <Button
                type="link"
                style={{ padding: 0 }}
                onClick={() => setParam('unit', r.unitCode)}
              >
                {name}
              </Button>
            ),
          },
          {
            title: t('reports.stateLabel'),
            dataIndex: 'state',
            render: (state: string) => <StateBadge state={state} />,
          },
          {
            title: t('reports.submittedAt'),
            dataIndex: 'submittedAt',
            render: (at: string | undefined, r) => (
              <Space size={4}>
                {at ? dateTime.format(new Date(at)) : '—'}
                {r.late ? <Tag color={STATE_COLORS.late}>{t('reports.late')}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      {period ? (
        <ReviewDrawer
          plan={plan.code!}
          period={period}
          unit={open}
          onClose={() => setParam('unit', undefined)}
        />
      ) : null}
      <ReasonModal
        open={returning}
        title={t('reports.returnSelected', { count: chosen.length })}
        loading={bulk.isPending}
        onCancel={() => setReturning(false)}
        onOk={(reason) => void review('return', reason)}
      />
    </Flex>
  );
}
