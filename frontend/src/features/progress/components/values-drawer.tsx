import { Drawer, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { labelOfCode } from '@/lib/period';
import { useProgressValues, type ProgressItem } from '../api/progress';

type Figure = { value?: number | null; status?: string | null; sources?: string[] };

/** The figures behind a number: each unit of the subtree, its own figure and the reports behind. */
export function ValuesDrawer({
  plan,
  unit,
  year,
  item,
  subtree,
  onClose,
}: {
  plan: string;
  unit: string;
  year: number;
  item?: string;
  /** The number the drawer opened from: how it was computed and which reports it came from. */
  subtree?: ProgressItem['subtree'];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const values = useProgressValues(plan, unit, year, item);
  const shown = (f: Figure) =>
    f.status
      ? t(`reports.status.${f.status}`)
      : f.value != null
        ? formatNumber(f.value, locale)
        : '—';
  return (
    <Drawer
      open={Boolean(item)}
      onClose={onClose}
      width="min(640px, 100vw)"
      title={values.data?.label ?? t('app.loading')}
    >
      {subtree?.units ? (
        <Typography.Paragraph type="secondary" data-testid="progress-basis">
          {t(`progress.basis.${subtree.basis}`, { count: subtree.units })}
          {subtree.sources
            ? ` · ${t('progress.sources', {
                year: subtree.sources.fromYear,
                halves: subtree.sources.fromHalves,
                quarters: subtree.sources.fromQuarters,
              })}`
            : null}
        </Typography.Paragraph>
      ) : null}
      {values.error ? <QueryError error={values.error} /> : null}
      {values.data && values.data.units?.length === 0 ? (
        <Empty description={t('progress.noValues')} />
      ) : null}
      <List
        data-testid="progress-values"
        dataSource={values.data?.units ?? []}
        renderItem={(v) => (
          <List.Item>
            <List.Item.Meta
              title={v.unit?.name}
              description={
                <>
                  {v.approved ? (
                    <div>
                      <Typography.Text strong data-testid={`value-${v.unit?.code}`}>
                        {shown(v.approved)}
                      </Typography.Text>{' '}
                      ·{' '}
                      {(v.approved.sources ?? []).map((p) => (
                        <Link
                          key={p}
                          to={`/bao-cao?period=${p}&unit=${v.unit?.code}`}
                          style={{ marginInlineEnd: 8 }}
                        >
                          {labelOfCode(p, t)}
                        </Link>
                      ))}
                    </div>
                  ) : null}
                  {v.pending ? (
                    <Typography.Text type="secondary">
                      {t('progress.pendingValue', { value: shown(v.pending) })}
                    </Typography.Text>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
