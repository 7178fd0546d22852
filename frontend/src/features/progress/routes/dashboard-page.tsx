import { Breadcrumb, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { useDepartments, useUnit } from '@/lib/api/shared-reads';
import { useSelection } from '@/lib/selection';
import { defaultYear } from '../lib/progress-text';
import { TermSection } from '../sections/term-section';
import { UnitsSection } from '../sections/units-section';
import { YearSection } from '../sections/year-section';

/**
 * Progress of a unit and everything below it: the year's items against their targets (folded by
 * chỉ tiêu), the units below side by side, and the whole term, each a section that reads its own
 * answers. Unit, year, period, department, tab and the item opened live in the URL, so a link can
 * be sent to a colleague; a step down the tree is a step the back button undoes.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection({ push: true });
  const me = useMe();
  const { plan, plans } = usePlan(get('plan'));
  const years = plan?.years ?? [];
  const year = Number(get('year') ?? defaultYear(years, new Date().getFullYear()));
  const unit = get('unit') ?? me.data?.orgUnitCode ?? undefined;
  const department = get('department');
  const tab = get('tab') ?? 'year';
  const chain = useUnit(unit);
  const departments = useDepartments();

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan?.code) return <Empty description={t('plan.none')} />;
  if (!unit) return <PageLoading />;

  const unitName = chain.data?.unit?.name ?? unit;
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
          onChange={(v) => select({ year: v, item: null })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          allowClear
          aria-label={t('progress.department')}
          placeholder={t('progress.department')}
          style={{ width: 200 }}
          value={department}
          onChange={(v) => select({ department: v })}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.shortName }))}
        />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => select({ tab: key === 'year' ? null : key })}
        items={[
          {
            key: 'year',
            label: t('progress.tabYear', { year }),
            children: (
              <YearSection
                plan={plan.code}
                unit={unit}
                year={year}
                department={department}
                period={get('period')}
                item={get('item')}
                onSelect={select}
              />
            ),
          },
          {
            key: 'units',
            label: t('progress.tabUnits'),
            children: (
              <UnitsSection plan={plan.code} unit={unit} year={year} department={department} />
            ),
          },
          {
            key: 'term',
            label: t('progress.tabTerm'),
            children: <TermSection plan={plan.code} unit={unit} />,
          },
        ]}
      />
    </Flex>
  );
}
