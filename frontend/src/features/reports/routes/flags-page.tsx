import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Form,
  InputNumber,
  List,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { useSelection } from '@/lib/selection';
import { ApiError } from '@/lib/api/client';
import { usePlan } from '@/lib/api/plans';
import { formatDateTime, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  useFigureSettings,
  useFlagList,
  useSaveThresholds,
  type FigureSettings,
  type Thresholds,
} from '../api/flags';
import { ReviewDrawer } from '../components/review-drawer';
import { StateBadge } from '../components/state-badge';
import { CheckText } from '../components/value-flags';

/**
 * Số liệu bất thường: every flagged value of a year in the caller's subtree, with its unit, period,
 * reasons and state, the unchecked first to clean before the term is locked; a value opens its
 * report. The plan's thresholds below, changed by the province's planner.
 */
export function FlagsPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const english = i18n.language.startsWith('en');
  const { get, select } = useSelection();
  const { plan } = usePlan(get('plan'));
  const years = plan?.years ?? [];
  const thisYear = new Date().getFullYear();
  const year =
    Number(get('year')) ||
    (years.includes(thisYear) ? thisYear : (years[years.length - 1] ?? thisYear));
  const open = get('open') !== 'false';
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState<{ period: string; unit: string }>();
  const list = useFlagList(plan?.code ? { plan: plan.code, year, open, page } : undefined);

  function set(key: 'year' | 'open', value: string) {
    select({ [key]: value });
    setPage(0);
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('flags.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('flags.help')}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center">
        <label htmlFor="flags-year">{t('flags.year')}</label>
        <Select
          id="flags-year"
          className="tap"
          style={{ minWidth: 110 }}
          value={year}
          onChange={(y) => set('year', String(y))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Flex gap={8} align="center">
          <Switch
            id="flags-open"
            checked={open}
            onChange={(v) => set('open', String(v))}
            aria-label={t('flags.onlyOpen')}
          />
          <label htmlFor="flags-open">{t('flags.onlyOpen')}</label>
        </Flex>
      </Flex>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <Typography.Text data-testid="flags-count">
          {t('flags.counted', {
            count: Number(list.data.totalItems ?? 0),
            open: Number(list.data.open ?? 0),
          })}
        </Typography.Text>
      ) : null}
      <List
        loading={list.isPending && Boolean(plan)}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('flags.none')} /> }}
        pagination={
          (list.data?.totalItems ?? 0) > 50
            ? {
                current: page + 1,
                pageSize: 50,
                total: Number(list.data?.totalItems ?? 0),
                showSizeChanger: false,
                onChange: (p) => setPage(p - 1),
                size: 'small',
              }
            : false
        }
        renderItem={(row) => {
          const v = row.value!;
          const check = v.check;
          return (
            <List.Item data-testid={`flagged-${row.unitCode}-${row.period}-${v.item}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex wrap gap={8} align="center" justify="space-between">
                  <Typography.Text strong>
                    {row.unitName} · {row.period}
                  </Typography.Text>
                  <StateBadge state={row.state ?? 'submitted'} />
                </Flex>
                <span>
                  {v.code ? <Typography.Text strong>{v.code}. </Typography.Text> : null}
                  {v.title}
                </span>
                <span>
                  {t('flags.value')}:{' '}
                  <Typography.Text strong>
                    {v.number != null ? formatNumber(Number(v.number), locale) : '–'}
                  </Typography.Text>
                </span>
                <Flex wrap gap={4}>
                  {(v.flags ?? []).map((f) => (
                    <Tag key={f.rule} color="#ad4e00">
                      {english ? f.reasonEn : f.reason}
                    </Tag>
                  ))}
                </Flex>
                {check ? (
                  <Typography.Text type={check.holds ? 'success' : 'warning'}>
                    <CheckText check={check} />
                  </Typography.Text>
                ) : null}
                <Button
                  type="link"
                  className="tap"
                  style={{ alignSelf: 'flex-start', paddingInline: 0 }}
                  onClick={() => setOpened({ period: row.period!, unit: row.unitCode! })}
                >
                  {t('flags.openReport')}
                </Button>
              </Flex>
            </List.Item>
          );
        }}
      />
      {plan?.code ? <ThresholdsCard plan={plan.code} /> : null}
      {plan?.code ? (
        <ReviewDrawer
          plan={plan.code}
          period={opened?.period ?? ''}
          unit={opened?.unit}
          onClose={() => setOpened(undefined)}
        />
      ) : null}
    </Flex>
  );
}

/** The plan's thresholds: read by all, changed by the province's planner (If-Match). */
function ThresholdsCard({ plan }: { plan: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const locale = intlLocale(i18n.language);
  const settings = useFigureSettings(plan);
  const save = useSaveThresholds();
  const [problem, setProblem] = useState<string>();
  const data = settings.data;
  if (settings.error) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!data) return null;
  const editable = Boolean(data.canEdit);

  async function submit(values: Thresholds) {
    setProblem(undefined);
    try {
      await save.mutateAsync({ plan, version: Number(data!.version ?? 0), thresholds: values });
      void message.success(t('flags.saved'));
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('error.stale')
          : error instanceof ApiError
            ? [error.problem.detail, ...(error.problem.errors ?? []).map((e) => e.message)]
                .filter(Boolean)
                .join(' · ')
            : t('error.offline'),
      );
      void settings.refetch();
    }
  }

  return (
    <Card size="small" title={t('flags.thresholds')} data-testid="thresholds">
      <Typography.Paragraph type="secondary">{t('flags.thresholdsHelp')}</Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
      <Form<Thresholds>
        key={`${data.version}`}
        layout="vertical"
        disabled={!editable}
        initialValues={thresholdValues(data)}
        onFinish={(values) => void submit(values)}
      >
        <Flex wrap gap={12}>
          <Form.Item name="historyRatio" label={t('flags.historyRatio')}>
            <InputNumber min={1.01} max={1000} step={1} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="targetPercent" label={t('flags.targetPercent')}>
            <InputNumber min={100.01} max={100000} step={50} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="peerScore" label={t('flags.peerScore')}>
            <InputNumber min={0.01} max={100} step={0.5} decimalSeparator="," />
          </Form.Item>
          <Form.Item
            name="peerMinimum"
            label={t('flags.peerMinimum')}
            rules={[{ required: true, message: t('flags.required') }]}
          >
            <InputNumber min={3} max={1000} precision={0} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('flags.emptyTurnsOff')}
        </Typography.Paragraph>
        {editable ? (
          <Button type="primary" htmlType="submit" className="tap" loading={save.isPending}>
            {t('flags.save')}
          </Button>
        ) : null}
      </Form>
      {(data.changes ?? []).length ? (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'changes',
              label: t('flags.changes', { count: data.changes!.length }),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {data.changes!.map((c, i) => (
                    <li key={i}>
                      {formatDateTime(c.changedAt ?? '', locale)} · {c.changedBy}:{' '}
                      {describe(c.after)}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

function thresholdValues(s: FigureSettings): Thresholds {
  const t: Thresholds = s.thresholds ?? { peerMinimum: 8 };
  return {
    historyRatio: t.historyRatio ?? undefined,
    targetPercent: t.targetPercent ?? undefined,
    peerScore: t.peerScore ?? undefined,
    peerMinimum: t.peerMinimum ?? 8,
  };
}

function describe(t: Thresholds | undefined): string {
  if (!t) return '';
  return [
    `×${t.historyRatio ?? '–'}`,
    `${t.targetPercent ?? '–'} %`,
    `z ${t.peerScore ?? '–'}`,
    `n ≥ ${t.peerMinimum}`,
  ].join(' · ');
}
