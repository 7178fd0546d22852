import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { periodLabel } from '@/lib/period';
import {
  useCompleteness,
  useDepartmentList,
  usePlanPeriods,
  useProgress,
  useProgressTable,
  useTerm,
  useUnitChain,
  type ProgressItem,
} from '../api/progress';
import { STATE_COLORS, StateTag } from '../components/state-tag';
import { TermCoverage, TermYears } from '../components/term-coverage';
import { ValuesDrawer } from '../components/values-drawer';
import { ScrollBox } from '@/components/ui/scroll-box';

// The chart library is fetched only when a chart is drawn.
const RatioChart = lazy(() => import('../components/ratio-chart'));

function percent(ratio: number | null | undefined, locale: string): string {
  if (ratio == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

/**
 * Progress of a unit and everything below it: each item against its target this year, the units
 * below side by side, who reported for a period, what is behind by department, and the term.
 * Unit, year, period, department and tab live in the URL, so a link can be sent to a colleague.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const { plan, plans } = usePlan(params.get('plan'));
  const years = plan?.years ?? [];
  const thisYear = new Date().getFullYear();
  const year = Number(
    params.get('year') ??
      (years.includes(thisYear) ? thisYear : (years[years.length - 1] ?? thisYear)),
  );
  const unit = params.get('unit') ?? me.data?.orgUnitCode ?? undefined;
  const department = params.get('department') ?? undefined;
  const tab = params.get('tab') ?? 'year';
  const progress = useProgress(plan?.code, unit, year);
  const table = useProgressTable(plan?.code, unit, year);
  const chain = useUnitChain(unit);
  const departments = useDepartmentList();
  const periods = usePlanPeriods(plan?.code);
  const term = useTerm(plan?.code, unit, tab === 'term');
  const inYear = (periods.data?.items ?? []).filter((p) => p.year === year);
  // The period whose completeness is shown: chosen, else the one of this year due soonest.
  const period =
    params.get('period') ??
    [...inYear]
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
      .find((p) => p.kind !== 'quarter')?.code;
  const completeness = useCompleteness(plan?.code, unit, period);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'unit' || name === 'year') next.delete('item');
    setParams(next);
  };

  const items = useMemo(
    () =>
      (progress.data?.items ?? []).filter(
        (i) => !department || (i.departments ?? []).includes(department),
      ),
    [progress.data?.items, department],
  );
  const counts = useMemo(() => {
    const c: Record<string, number> = { ahead: 0, 'on-track': 0, behind: 0, 'no-target': 0 };
    items.forEach((i) => (c[i.state ?? 'no-target'] = (c[i.state ?? 'no-target'] ?? 0) + 1));
    return c;
  }, [items]);
  const behindByDepartment = useMemo(() => {
    const out = new Map<string, ProgressItem[]>();
    items
      .filter((i) => i.state === 'behind')
      .forEach((i) =>
        (i.departments?.length ? i.departments : ['—']).forEach((d) =>
          out.set(d, [...(out.get(d) ?? []), i]),
        ),
      );
    return [...out.entries()];
  }, [items]);

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan?.code) return <Empty description={t('plan.none')} />;

  const valueText = (i: ProgressItem) => {
    const s = i.subtree;
    if (!s) return '—';
    if (i.measure === 'activity') {
      return t('progress.activityDone', { done: s.activity?.done ?? 0, due: s.activity?.due ?? 0 });
    }
    if (s.value == null) return '—';
    return `${formatNumber(s.value, locale)}${i.measure === 'percentage' ? ' %' : ''}`;
  };
  const targetText = (i: ProgressItem) => {
    if (i.measure === 'activity') {
      return i.target?.required ? t('reports.target.required') : '—';
    }
    return i.target?.value != null
      ? `${formatNumber(i.target.value, locale)}${i.measure === 'percentage' ? ' %' : ''}`
      : t('progress.noTarget');
  };
  const children = table.data?.units ?? [];
  const unitName = progress.data?.unit?.name ?? chain.data?.unit?.name ?? unit;
  const parents = [...(chain.data?.parents ?? [])].reverse();

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('progress.heading', { unit: unitName })}
        </Typography.Title>
        <Breadcrumb
          items={[
            ...parents.map((p) => ({
              title: (
                <Link to={`/tien-do?unit=${p.code}&year=${year}`} data-testid={`up-${p.code}`}>
                  {p.name}
                </Link>
              ),
            })),
            { title: unitName },
          ]}
        />
      </Flex>
      <Flex wrap gap={8}>
        <Select
          aria-label={t('plan.year')}
          style={{ width: 110 }}
          value={String(year)}
          onChange={(v) => setParam('year', v)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          allowClear
          aria-label={t('progress.department')}
          placeholder={t('progress.department')}
          style={{ width: 200 }}
          value={department}
          onChange={(v) => setParam('department', v)}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.shortName }))}
        />
      </Flex>
      {progress.error ? (
        <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'year' ? undefined : key)}
        items={[
          {
            key: 'year',
            label: t('progress.tabYear', { year }),
            children: (
              <Flex vertical gap={16}>
                <Flex wrap gap={12} data-testid="progress-summary">
                  {(['ahead', 'on-track', 'behind', 'no-target'] as const).map((s) => (
                    <Card key={s} size="small" style={{ minWidth: 140 }}>
                      <Statistic
                        title={t(`progress.state.${s}`)}
                        value={counts[s] ?? 0}
                        valueStyle={{ color: STATE_COLORS[s] }}
                      />
                    </Card>
                  ))}
                </Flex>
                <Typography.Text type="secondary">
                  {t('progress.paceNote', { pace: percent(progress.data?.pace, locale) })}
                </Typography.Text>
                {items.some((i) => i.ratio != null) ? (
                  <Card size="small" title={t('progress.chartTitle')}>
                    <Suspense fallback={<PageLoading />}>
                      <RatioChart items={items} pace={Number(progress.data?.pace ?? 0)} />
                    </Suspense>
                  </Card>
                ) : null}

                {period ? (
                  <Card
                    size="small"
                    title={t('progress.completeness')}
                    extra={
                      <Select
                        aria-label={t('reports.periodLabel')}
                        style={{ width: 220 }}
                        value={period}
                        onChange={(v) => setParam('period', v)}
                        options={inYear.map((p) => ({ value: p.code, label: periodLabel(p, t) }))}
                      />
                    }
                  >
                    {completeness.error ? <QueryError error={completeness.error} /> : null}
                    {completeness.data ? (
                      <Flex vertical gap={8} data-testid="completeness">
                        <Space wrap>
                          <Tag>{t('progress.expected', { count: completeness.data.expected })}</Tag>
                          <Tag color="#237804">
                            {t('progress.approvedCount', { count: completeness.data.approved })}
                          </Tag>
                          <Tag color="#0958d9">
                            {t('progress.submittedCount', { count: completeness.data.submitted })}
                          </Tag>
                          <Tag color="#ad4e00">
                            {t('progress.returnedCount', { count: completeness.data.returned })}
                          </Tag>
                          <Tag color="#a8071a">
                            {t('progress.lateCount', { count: completeness.data.late })}
                          </Tag>
                          <Tag>
                            {t('progress.missingCount', { count: completeness.data.missing })}
                          </Tag>
                        </Space>
                        {(completeness.data.missing ?? 0) > 0 ? (
                          <Typography.Text type="secondary">
                            {t('progress.missingList', {
                              units: (completeness.data.units ?? [])
                                .filter((u) => u.state === 'none')
                                .map((u) => u.unit?.name)
                                .join(', '),
                            })}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    ) : null}
                  </Card>
                ) : null}

                {behindByDepartment.length > 0 ? (
                  <Card size="small" title={t('progress.behindByDepartment')}>
                    <Flex vertical gap={8} data-testid="behind">
                      {behindByDepartment.map(([d, list]) => (
                        <div key={d}>
                          <Typography.Text strong>
                            {departments.data?.find((x) => x.code === d)?.shortName ?? d}
                          </Typography.Text>
                          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                            {list.map((i) => (
                              <li key={i.itemKey}>
                                <Button
                                  type="link"
                                  style={{
                                    padding: 0,
                                    height: 'auto',
                                    whiteSpace: 'normal',
                                    textAlign: 'start',
                                  }}
                                  onClick={() => setParam('item', i.itemKey)}
                                >
                                  {i.label}
                                </Button>{' '}
                                · {percent(i.ratio, locale)}
                              </li>
                            ))}
                          </ul>
                        </div>
                      ))}
                    </Flex>
                  </Card>
                ) : null}

                {/* scrolls in its own box at phone width (a wider page is zoomed out) */}
                <ScrollBox label={t('progress.item')}>
                  <Table<ProgressItem>
                    size="small"
                    rowKey="itemKey"
                    loading={progress.isFetching}
                    pagination={false}
                    dataSource={items}
                    data-testid="progress-items"
                    columns={[
                      {
                        title: t('progress.item'),
                        key: 'label',
                        render: (_, i) => (
                          <span>
                            {i.label}
                            {i.subtree?.pendingUnits ? (
                              <Tag style={{ marginInlineStart: 6 }}>
                                {t('progress.pending', {
                                  count: i.subtree.pendingUnits,
                                })}
                              </Tag>
                            ) : null}
                          </span>
                        ),
                      },
                      {
                        title: t('progress.target'),
                        key: 'target',
                        width: 130,
                        render: (_, i) =>
                          i.target?.source === 'amended' ? (
                            <span>
                              {targetText(i)}{' '}
                              <Typography.Text type="secondary">
                                ({t('plan.amend.tag')})
                              </Typography.Text>
                            </span>
                          ) : (
                            targetText(i)
                          ),
                      },
                      {
                        title: t('progress.achieved'),
                        key: 'value',
                        width: 140,
                        render: (_, i) => (
                          <Button
                            type="link"
                            style={{ padding: 0 }}
                            data-testid={`achieved-${i.itemKey}`}
                            onClick={() => setParam('item', i.itemKey)}
                          >
                            {valueText(i)}
                          </Button>
                        ),
                      },
                      {
                        title: t('progress.ratio'),
                        key: 'ratio',
                        width: 90,
                        responsive: ['sm'],
                        render: (_, i) => percent(i.ratio, locale),
                      },
                      {
                        title: t('progress.stateLabel'),
                        key: 'state',
                        width: 120,
                        render: (_, i) => <StateTag state={i.state} />,
                      },
                    ]}
                  />
                </ScrollBox>

                {children.length > 0 ? (
                  <Card size="small" title={t('progress.unitsSideBySide')}>
                    <ScrollBox label={t('progress.unitsSideBySide')}>
                      <Table
                        size="small"
                        rowKey="itemKey"
                        pagination={false}
                        data-testid="heat-table"
                        dataSource={(table.data?.rows ?? []).filter((r) =>
                          items.some((i) => i.itemKey === r.itemKey),
                        )}
                        columns={[
                          {
                            title: t('progress.item'),
                            dataIndex: 'label',
                            width: 220,
                            render: (label: string) => (
                              <span title={label}>
                                {label.length > 48 ? `${label.slice(0, 47)}…` : label}
                              </span>
                            ),
                          },
                          ...children.map((u, index) => ({
                            title: (
                              <Link to={`/tien-do?unit=${u.code}&year=${year}`}>{u.name}</Link>
                            ),
                            key: u.code,
                            width: 96,
                            render: (
                              _: unknown,
                              r: { cells?: { state?: string; ratio?: number | null }[] },
                            ) => {
                              const cell = r.cells?.[index];
                              return (
                                <span
                                  style={{
                                    color: STATE_COLORS[cell?.state ?? 'no-target'],
                                    fontWeight: 600,
                                  }}
                                  title={
                                    cell?.state ? t(`progress.state.${cell.state}`) : undefined
                                  }
                                >
                                  {percent(cell?.ratio, locale)}
                                </span>
                              );
                            },
                          })),
                        ]}
                      />
                    </ScrollBox>
                  </Card>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'term',
            label: t('progress.tabTerm'),
            children: term.error ? (
              <QueryError error={term.error} />
            ) : (
              <Flex vertical gap={12}>
                <Alert type="info" showIcon message={t('progress.termRules')} />
                <TermCoverage term={term.data} />
                <Flex wrap gap={8} data-testid="term-groups">
                  {(term.data?.groups ?? []).map((g) => (
                    <Card key={g.group} size="small" style={{ width: 260 }}>
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                        {g.title}
                      </Typography.Paragraph>
                      <StateTag state={g.verdict} />
                    </Card>
                  ))}
                </Flex>
                <ScrollBox label={t('progress.tabTerm')}>
                  <Table
                    size="small"
                    rowKey="itemKey"
                    loading={term.isFetching}
                    pagination={false}
                    dataSource={term.data?.items ?? []}
                    expandable={{
                      expandedRowRender: (item) => (
                        <TermYears years={item.years ?? []} measure={item.measure} />
                      ),
                    }}
                    columns={[
                      { title: t('progress.item'), dataIndex: 'label' },
                      {
                        title: t('progress.rule'),
                        dataIndex: 'rule',
                        width: 120,
                        responsive: ['md'],
                        render: (r: string) => t(`progress.ruleName.${r}`),
                      },
                      {
                        title: t('progress.planned'),
                        dataIndex: 'planned',
                        width: 110,
                        render: (v?: number | null) => (v == null ? '—' : formatNumber(v, locale)),
                      },
                      {
                        title: t('progress.achieved'),
                        dataIndex: 'achieved',
                        width: 110,
                        render: (v?: number | null) => (v == null ? '—' : formatNumber(v, locale)),
                      },
                      {
                        title: t('progress.ratio'),
                        dataIndex: 'ratio',
                        width: 90,
                        render: (v?: number | null) => percent(v, locale),
                      },
                      {
                        title: t('progress.verdict'),
                        dataIndex: 'verdict',
                        width: 120,
                        render: (v: string) => <StateTag state={v} />,
                      },
                    ]}
                  />
                </ScrollBox>
              </Flex>
            ),
          },
        ]}
      />
      {unit ? (
        <ValuesDrawer
          plan={plan.code}
          unit={unit}
          year={year}
          item={params.get('item') ?? undefined}
          subtree={items.find((i) => i.itemKey === params.get('item'))?.subtree}
          onClose={() => setParam('item', undefined)}
        />
      ) : null}
    </Flex>
  );
}
