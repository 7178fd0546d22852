import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Input,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useSelection } from '@/lib/selection';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { newIdempotencyKey } from '@/lib/api/retry';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useBulkReview, useReviewQueue, type Queue } from '../api/submissions';
import { labelOfCode } from '@/lib/period';
import { fold } from '@/lib/text';
import { PastReportsCard } from '../components/past-reports-card';
import { ReasonModal } from '../components/reason-modal';
import { ReviewDrawer } from '../components/review-drawer';
import { STATE_COLORS, StateBadge } from '../components/state-badge';
import { ScrollBox } from '@/components/ui/scroll-box';

type Row = NonNullable<Queue['units']>[number];

/** The reviewer's queue: what waits for them per period; approve or return one or several. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { get, select } = useSelection();
  const { plan, plans } = usePlan(get('plan'));
  const queue = useReviewQueue(plan?.code, get('period'));
  const bulk = useBulkReview();
  const me = useMe();
  // the province's reviewer also loads figures from before a unit was on the system
  const provinceReviewer =
    Boolean(me.data?.orgUnit) &&
    !me.data?.orgUnit?.parentCode &&
    (me.data?.roles ?? []).includes('reviewer');
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [returning, setReturning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const open = get('unit');
  const stateFilter = get('state');
  // a province reviews 92 communes after 01/07/2025: a unit is found by name without diacritics
  const unitQuery = fold(get('q') ?? '');
  const chosenPeriod = queue.data?.period ?? undefined;

  // The period the queue opened on goes into the URL at once and stays there: after a return or
  // the last approval, the server would otherwise pick another period and the report would seem
  // to vanish.
  useEffect(() => {
    if (!get('period') && chosenPeriod) select({ period: chosenPeriod });
  }, [get, chosenPeriod, select]);

  if (plans.isPending || queue.isPending) return <PageLoading />;
  if (plans.error || queue.error) {
    return <QueryError error={plans.error ?? queue.error} onRetry={() => void queue.refetch()} />;
  }
  const data = queue.data;
  if (!plan || !data) return <Empty />;
  const period = data.period ?? undefined;
  const counts = data.periods?.find((p) => p.period === period);
  // Waiting reports first, then the ones still with the unit, then the approved ones.
  const rank: Record<string, number> = {
    submitted: 0,
    returned: 1,
    draft: 2,
    none: 3,
    approved: 4,
  };
  const rows = (data.units ?? [])
    .filter((r) => !stateFilter || r.state === stateFilter)
    .filter(
      (r) =>
        !unitQuery ||
        fold(r.unitName ?? '').includes(unitQuery) ||
        (r.unitCode ?? '').includes(unitQuery),
    )
    .slice()
    .sort((a, b) => (rank[a.state ?? 'none'] ?? 9) - (rank[b.state ?? 'none'] ?? 9));
  const chosen = rows.filter((r) => selected.includes(r.unitCode!));

  const setParam = (name: 'unit' | 'state' | 'q', value?: string) => select({ [name]: value });

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

  const locale = intlLocale(i18n.language);
  // A count tag filters the list by its state; the same tag again shows all.
  const countTag = (state: string, color: string | undefined, count: number | undefined) => (
    <Tag.CheckableTag
      key={state}
      checked={stateFilter === state}
      onChange={(on) => setParam('state', on ? state : undefined)}
      className="tap"
      style={color ? { borderColor: color } : undefined}
      data-testid={`count-${state}`}
    >
      {t(`reports.count.${state === 'submitted' ? 'waiting' : state}`, { count: count ?? 0 })}
    </Tag.CheckableTag>
  );
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
          select({ period: code, state: null });
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
          {countTag('submitted', STATE_COLORS.submitted, counts.waiting)}
          {countTag('approved', STATE_COLORS.approved, counts.approved)}
          {countTag('returned', STATE_COLORS.returned, counts.returned)}
          {countTag('draft', STATE_COLORS.draft, counts.draft)}
          {countTag('none', undefined, counts.none)}
        </Space>
      ) : null}
      <Input.Search
        allowClear
        aria-label={t('reports.findUnit')}
        placeholder={t('reports.findUnit')}
        defaultValue={get('q') ?? ''}
        onSearch={(v) => {
          setSelected([]);
          setParam('q', v.trim() || undefined);
        }}
        onChange={(e) => !e.target.value && setParam('q', undefined)}
        style={{ maxWidth: 320 }}
        data-testid="queue-search"
      />
      <Space wrap>
        <Popconfirm
          title={t('reports.approveSelectedConfirm', { count: chosen.length })}
          okText={t('reports.approve')}
          cancelText={t('app.close')}
          disabled={chosen.length === 0}
          onConfirm={() => void review('approve')}
        >
          <Button type="primary" disabled={chosen.length === 0} loading={bulk.isPending}>
            {t('reports.approveSelected', { count: chosen.length })}
          </Button>
        </Popconfirm>
        <Button danger disabled={chosen.length === 0} onClick={() => setReturning(true)}>
          {t('reports.returnSelected', { count: chosen.length })}
        </Button>
      </Space>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      {/* scrolls in its own box at phone width: a page wider than the screen is zoomed out by the
          phone, and a tap then lands beside what it was meant for */}
      <ScrollBox label={t('reports.reviewTitle')}>
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
              title: t('reports.entered'),
              key: 'filled',
              render: (_, r) =>
                r.items != null ? (
                  <span data-testid={`filled-${r.unitCode}`}>
                    {t('reports.enteredOf', { filled: r.filled ?? 0, total: r.items })}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('reports.submittedAt'),
              dataIndex: 'submittedAt',
              render: (at: string | undefined, r) => (
                <Space size={4}>
                  {at ? formatDateTime(at, locale) : '—'}
                  {r.late ? <Tag color={STATE_COLORS.late}>{t('reports.late')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </ScrollBox>
      {provinceReviewer ? <PastReportsCard plan={plan.code!} /> : null}
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
