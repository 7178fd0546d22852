import { Card, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/lib/api/client';
import { plansQueryOptions } from '@/lib/api/plans';
import { labelOfCode } from '@/lib/period';

/**
 * What waits for the user now: their unit's report for each open period (reporters) and the
 * reports waiting for their review (reviewers).
 */
export function Todo({ allowed, unit }: { allowed: string[]; unit?: string }) {
  const { t } = useTranslation();
  const reporter = allowed.includes('report') && Boolean(unit);
  const reviewer = allowed.includes('review');
  const plans = useQuery({ ...plansQueryOptions(), enabled: reporter || reviewer });
  const plan = plans.data?.items?.[0]?.code;
  const mine = useQuery({
    queryKey: ['submissions', 'todo', plan, unit],
    queryFn: async () => {
      const [periods, reports] = await Promise.all([
        api.GET('/api/v1/periods', {
          params: { query: { plan: plan!, state: 'open', size: 50 } },
        }),
        api.GET('/api/v1/submissions', {
          params: { query: { plan: plan!, unit: unit!, size: 200 } },
        }),
      ]);
      const byPeriod = new Map((reports.data?.items ?? []).map((s) => [s.period, s.state]));
      return (periods.data?.items ?? []).map((p) => ({
        code: p.code!,
        state: byPeriod.get(p.code) ?? 'none',
      }));
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
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Link key="open" to={`/bao-cao?period=${p.code}`}>
                    {['none', 'draft', 'returned'].includes(p.state)
                      ? t('me.enterReport')
                      : t('me.viewReport')}
                  </Link>,
                ]}
              >
                <Flex wrap gap={8} align="center">
                  <span>{labelOfCode(p.code, t)}</span>
                  <Tag>{t(`reports.state.${p.state}`)}</Tag>
                </Flex>
              </List.Item>
            )}
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
