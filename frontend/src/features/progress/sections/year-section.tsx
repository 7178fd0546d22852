import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { lazy, memo, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { intlLocale } from '@/lib/i18n';
import { useDepartments } from '@/lib/api/shared-reads';
import { useProgress, type ProgressItem } from '../api/progress';
import { GroupToggle } from '../components/group-toggle';
import { ItemsByGroup } from '../components/items-by-group';
import { STATE_COLORS } from '../components/state-tag';
import { ValuesDrawer } from '../components/values-drawer';
import { chartHeight, countStates } from '../lib/groups';
import { percent } from '../lib/progress-text';
import { CompletenessCard } from './completeness-card';

// The chart library is fetched only when a chart is drawn.
const RatioChart = lazy(() => import('../components/ratio-chart'));

/** The items a department leads, or every item. */
export function ofDepartment(items: ProgressItem[], department: string | undefined) {
  return department ? items.filter((i) => (i.departments ?? []).includes(department)) : items;
}

/**
 * A unit's year: how many items are ahead or behind, the chart against the pace, who reported for
 * a period, what is behind by department, and the items folded by chỉ tiêu. Renders from the one
 * progress answer; the other answers of the page do not draw it again.
 */
export const YearSection = memo(function YearSection({
  plan,
  unit,
  year,
  department,
  period,
  item,
  onSelect,
}: {
  plan: string;
  unit: string;
  year: number;
  department?: string;
  period?: string;
  item?: string;
  onSelect: (patch: { item?: string | null; period?: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const progress = useProgress(plan, unit, year);
  const items = useMemo(
    () => ofDepartment(progress.data?.items ?? [], department),
    [progress.data?.items, department],
  );
  const counts = useMemo(() => countStates(items), [items]);
  const onItem = useCallback((key: string) => onSelect({ item: key }), [onSelect]);

  return (
    <Flex vertical gap={16}>
      {progress.error ? (
        <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
      ) : null}
      <Flex wrap gap={12} data-testid="progress-summary">
        {(['ahead', 'on-track', 'behind', 'no-target'] as const).map((s) => (
          <Card key={s} size="small" style={{ minWidth: 140 }}>
            <Statistic
              title={t(`progress.state.${s}`)}
              value={counts[s]}
              valueStyle={{ color: STATE_COLORS[s] }}
            />
          </Card>
        ))}
      </Flex>
      <Typography.Text type="secondary">
        {t('progress.paceNote', { pace: percent(progress.data?.pace, locale) })}
      </Typography.Text>
      {/* the items first: the chart and the lists below them appear without moving them */}
      <ScrollBox label={t('progress.item')}>
        <ItemsByGroup
          key={`${unit}/${year}`}
          items={items}
          loading={progress.isFetching}
          selected={item}
          onItem={onItem}
        />
      </ScrollBox>
      <CompletenessCard
        plan={plan}
        unit={unit}
        year={year}
        period={period}
        onPeriod={(p) => onSelect({ period: p })}
      />
      <BehindCard key={`${unit}/${year}`} items={items} onItem={onItem} locale={locale} />
      <ChartCard items={items} pace={Number(progress.data?.pace ?? 0)} />
      <ValuesDrawer
        plan={plan}
        unit={unit}
        year={year}
        item={item}
        subtree={items.find((i) => i.itemKey === item)?.subtree}
        onClose={() => onSelect({ item: null })}
      />
    </Flex>
  );
});

/**
 * Each item's ratio as a bar. Drawn when asked for on a phone (73 bars are a long page and the
 * chart library a download of its own), at once on a wider screen; its space is kept while the
 * library loads.
 */
function ChartCard({ items, pace }: { items: ProgressItem[]; pace: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(() => window.matchMedia?.('(min-width: 768px)').matches);
  const bars = items.filter((i) => i.ratio != null).length;
  if (bars === 0) return null;
  return (
    <Card
      size="small"
      title={t('progress.chartTitle')}
      extra={
        <Button size="small" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t('progress.hideChart') : t('progress.showChart')}
        </Button>
      }
    >
      {shown ? (
        <Suspense fallback={<div style={{ height: chartHeight(bars) }} />}>
          <RatioChart items={items} pace={pace} />
        </Suspense>
      ) : null}
    </Card>
  );
}

/** The items behind their pace, by the department that leads them, each opened on its own. */
function BehindCard({
  items,
  onItem,
  locale,
}: {
  items: ProgressItem[];
  onItem: (key: string) => void;
  locale: string;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [open, setOpen] = useState<string[]>([]);
  const toggle = useCallback(
    (d: string) => setOpen((o) => (o.includes(d) ? o.filter((x) => x !== d) : [...o, d])),
    [],
  );
  const byDepartment = useMemo(() => {
    const out = new Map<string, ProgressItem[]>();
    for (const i of items) {
      if (i.state !== 'behind') continue;
      for (const d of i.departments?.length ? i.departments : ['—']) {
        out.set(d, [...(out.get(d) ?? []), i]);
      }
    }
    return [...out.entries()];
  }, [items]);
  if (byDepartment.length === 0) return null;
  return (
    <Card size="small" title={t('progress.behindByDepartment')}>
      <Flex vertical gap={8} data-testid="behind">
        {byDepartment.map(([d, list]) => (
          <div key={d}>
            <GroupToggle
              id={d}
              testId={`behind-group-${d}`}
              title={`${departments.data?.find((x) => x.code === d)?.shortName ?? d} (${list.length})`}
              open={open.includes(d)}
              onToggle={toggle}
            />
            {open.includes(d) ? (
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
                      onClick={() => onItem(i.itemKey!)}
                    >
                      {i.label}
                    </Button>{' '}
                    · {percent(i.ratio, locale)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </Flex>
    </Card>
  );
}
