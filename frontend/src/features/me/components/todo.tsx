import { Card, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/lib/api/client';
import { plansQueryOptions, defaultPlan } from '@/lib/api/plans';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { daysLeft, labelOfCode } from '@/lib/period';

/**
 * What waits for the user now: their unit's report for each open period (reporters) and the
 * reports waiting for their review (reviewers).
 */
export function Todo({ allowed, unit }: { allowed: string[]; unit?: string }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const reporter = allowed.includes('report') && Boolean(unit);
  const reviewer = allowed.includes('review');
  const plans = useQuery({ ...plansQueryOptions(), enabled: reporter || reviewer });
  const plan = defaultPlan(plans.data?.items ?? [])?.code;
  // Each open period's form says what applies, what is entered, the state and a return reason.
  const mine = useQuery({
    queryKey: ['submissions', 'todo', plan, unit],
    queryFn: async () => {
      const periods = await api.GET('/api/v1/periods', {
        params: { query: { plan: plan!, state: 'open', size: 50 } },
      });
      const open = [...(periods.data?.items ?? [])].sort((a, b) =>
        (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
      );
      return Promise.all(
        open.map(async (p) => {
          const form = (
            await api.GET('/api/v1/submissions/form', {
              params: { query: { plan: plan!, period: p.code!, unit: unit! } },
            })
          ).data!;
          const items = form.items ?? [];
          return {
            code: p.code!,
            dueOn: p.dueOn ?? '',
            state: form.submission?.state ?? 'none',
            returnReason: form.submission?.returnReason ?? undefined,
            filled: items.filter((i) => i.value?.number != null || i.value?.status).length,
            total: items.length,
          };
        }),
      );
    },
    enabled: reporter && Boolean(plan),
  });
  const queue = useQuery({
    queryKey: ['submissions', 'queue', plan, undefined],
    queryFn: async () =>
      (await api.GET('/api/v1/submissions/review-queue', { params: { query: { plan: plan! } } }))
        .data!,
    enabled: reviewer && Boolean(plan),
  });
  const waiting = (queue.data?.periods ?? []).filter((p) => (p.waiting ?? 0) > 0);
  if (!reporter && !reviewer) return null;
  return (
    <Card title={t('me.todo')} size="small" data-testid="todo">
      <Flex vertical gap={8}>
        {reporter ? (
          <List
            size="small"
            dataSource={mine.data ?? []}
            loading={mine.isPending && Boolean(plan)}
            locale={{ emptyText: t('me.noOpenPeriod') }}
            renderItem={(p) => {
              const left = daysLeft(p.dueOn);
              const toDo = ['none', 'draft', 'returned'].includes(p.state);
              return (
                <List.Item
                  data-testid={`todo-${p.code}`}
                  actions={[
                    <Link key="open" to={`/bao-cao?period=${p.code}`}>
                      {toDo ? t('me.enterReport') : t('me.viewReport')}
                    </Link>,
                  ]}
                >
                  <Flex vertical gap={2}>
                    <Flex wrap gap={8} align="center">
                      <Typography.Text strong>{labelOfCode(p.code, t)}</Typography.Text>
                      <Tag>{t(`reports.state.${p.state}`)}</Tag>
                    </Flex>
                    <Typography.Text type="secondary">
                      {t('me.due', { date: formatDate(p.dueOn, locale) })}
                      {toDo ? (
                        <Typography.Text
                          type={left <= 7 ? 'danger' : 'secondary'}
                          data-testid="days-left"
                        >
                          {' · '}
                          {left < 0
                            ? t('me.overdue', { count: -left })
                            : left === 0
                              ? t('me.dueToday')
                              : t('me.daysLeft', { count: left })}
                        </Typography.Text>
                      ) : null}
                      {' · '}
                      {t('reports.enteredOf', { filled: p.filled, total: p.total })}
                    </Typography.Text>
                    {p.state === 'returned' && p.returnReason ? (
                      <Typography.Text type="warning" data-testid="todo-return-reason">
                        {t('me.returnedBecause', { reason: p.returnReason })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                </List.Item>
              );
            }}
          />
        ) : null}
        {reviewer ? (
          waiting.length ? (
            waiting.map((p) => (
              <Flex key={p.period} wrap gap={8} align="center" justify="space-between">
                <Typography.Text>
                  {t('me.waitingReview', { count: p.waiting, period: labelOfCode(p.period!, t) })}
                </Typography.Text>
                <Link to={`/duyet?period=${p.period}`}>{t('me.review')}</Link>
              </Flex>
            ))
          ) : (
            <Typography.Text type="secondary">{t('me.nothingToReview')}</Typography.Text>
          )
        ) : null}
      </Flex>
    </Card>
  );
}
