import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useSelection } from '@/lib/selection';
import { ApiError } from '@/lib/api/client';
import { usePlan } from '@/lib/api/plans';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { periodLabel } from '@/lib/period';
import { DueDateEditor } from '../components/due-date-editor';
import { ReminderDaysEditor } from '../components/reminder-days-editor';
import { usePlanPeriods } from '@/lib/api/shared-reads';
import { useCreatePeriod, usePeriodChange, type Period } from '../api/periods';

/** Reporting periods: everyone sees them; the province planner opens, closes and dates them. */
export function PeriodsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { get } = useSelection();
  const { plans, plan } = usePlan(get('plan'));
  const periods = usePlanPeriods(plan?.code);
  const change = usePeriodChange();
  const create = useCreatePeriod();
  const [problem, setProblem] = useState<string>();
  const [year, setYear] = useState<number>();
  const [quarter, setQuarter] = useState<number>();
  // What the caller may do comes from the server: the plan says who adds periods, each period
  // who edits, opens or closes it.
  const editor = Boolean(plan?.allowed?.includes('edit'));
  const switchable = (periods.data?.items ?? []).some(
    (p) => p.allowed?.includes('open') || p.allowed?.includes('close'),
  );

  if (plans.isPending || periods.isPending) return <PageLoading />;
  if (plans.error || periods.error) {
    return (
      <QueryError error={plans.error ?? periods.error} onRetry={() => void periods.refetch()} />
    );
  }
  const locale = intlLocale(i18n.language);

  async function run(action: () => Promise<unknown>, done: string) {
    setProblem(undefined);
    try {
      await action();
      void message.success(done);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('error.stale')
          : error instanceof ApiError
            ? error.problem.detail
            : t('error.offline'),
      );
    }
  }

  const label = (p: Period) => periodLabel(p, t);
  const years = plan?.years ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('periods.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('periods.help')}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      <Table<Period>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={periods.data?.items ?? []}
        columns={[
          { title: t('periods.period'), key: 'label', render: (_, p) => label(p) },
          {
            title: t('periods.dates'),
            key: 'dates',
            render: (_, p) =>
              `${formatDate(p.startsOn ?? '', locale)} – ${formatDate(p.endsOn ?? '', locale)}`,
          },
          {
            title: t('periods.due'),
            key: 'due',
            render: (_, p) =>
              p.allowed?.includes('edit') ? (
                <DueDateEditor
                  key={`${p.code}-${p.version}`}
                  value={p.dueOn ?? ''}
                  label={t('periods.dueFor', { period: label(p) })}
                  saving={change.isPending}
                  onSave={(dueOn) =>
                    void run(
                      () => change.mutateAsync({ period: p, action: 'due', dueOn }),
                      t('app.saved'),
                    )
                  }
                />
              ) : (
                formatDate(p.dueOn ?? '', locale)
              ),
          },
          {
            title: t('periods.remind'),
            key: 'remind',
            render: (_, p) =>
              p.allowed?.includes('edit') ? (
                <ReminderDaysEditor
                  key={`${p.code}-${p.version}`}
                  value={p.remindDaysBefore ?? []}
                  label={t('periods.remindFor', { period: label(p) })}
                  saving={change.isPending}
                  onSave={(remindDaysBefore) =>
                    void run(
                      () => change.mutateAsync({ period: p, action: 'remind', remindDaysBefore }),
                      t('app.saved'),
                    )
                  }
                />
              ) : (
                t('periods.remindDays', { days: (p.remindDaysBefore ?? []).join(', ') || '–' })
              ),
          },
          {
            title: t('periods.state'),
            key: 'state',
            render: (_, p) =>
              p.state === 'open' ? (
                <Tag color="#237804">{t('periods.open')}</Tag>
              ) : (
                <Tag>{t('periods.closed')}</Tag>
              ),
          },
          ...(switchable
            ? [
                {
                  title: '',
                  key: 'action',
                  render: (_: unknown, p: Period) =>
                    p.allowed?.includes(p.state === 'open' ? 'close' : 'open') && (
                      <Popconfirm
                        title={
                          p.state === 'open' ? t('periods.closeConfirm') : t('periods.openConfirm')
                        }
                        okText={p.state === 'open' ? t('periods.close') : t('periods.openAction')}
                        cancelText={t('app.close')}
                        onConfirm={() =>
                          void run(
                            () =>
                              change.mutateAsync({
                                period: p,
                                action: p.state === 'open' ? 'close' : 'open',
                              }),
                            p.state === 'open' ? t('periods.closedDone') : t('periods.openedDone'),
                          )
                        }
                      >
                        <Button
                          size="small"
                          aria-label={`${p.state === 'open' ? t('periods.close') : t('periods.openAction')} ${label(p)}`}
                        >
                          {p.state === 'open' ? t('periods.close') : t('periods.openAction')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editor && plan?.code ? (
        <Card size="small" title={t('periods.addQuarter')}>
          <Flex wrap gap={8}>
            <Select
              aria-label={t('periods.year')}
              placeholder={t('periods.year')}
              style={{ width: 120 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select
              aria-label={t('periods.quarter')}
              placeholder={t('periods.quarter')}
              style={{ width: 120 }}
              value={quarter}
              onChange={setQuarter}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
            />
            <Button
              disabled={!year || !quarter}
              loading={create.isPending}
              onClick={() =>
                void run(
                  () =>
                    create.mutateAsync({
                      planId: plan.code!,
                      kind: 'quarter',
                      year: year!,
                      number: quarter!,
                    }),
                  t('periods.added'),
                )
              }
            >
              {t('periods.add')}
            </Button>
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
