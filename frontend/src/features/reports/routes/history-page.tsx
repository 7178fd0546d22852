import { Empty, Flex, Select, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { labelOfCode } from '@/lib/period';
import { useHistory, useReportForm, useSubmission } from '../api/submissions';
import { StateBadge } from '../components/state-badge';
import { ValueText } from '../components/value-text';

const COLORS: Record<string, string> = {
  create: 'gray',
  value: 'blue',
  submit: 'gold',
  approve: 'green',
  return: 'orange',
  reopen: 'orange',
  move: 'purple',
  import: 'cyan',
};

/** Everything that happened to a report: values before and after, each transition and why. */
export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const { get, select } = useSelection();
  const item = get('item');
  const submission = useSubmission(Number.isFinite(id) ? id : undefined);
  const all = useHistory(Number.isFinite(id) ? id : undefined);
  const events = useHistory(Number.isFinite(id) ? id : undefined, item);
  const s0 = submission.data;
  // The form of the same report names each item ("2.1. Giúp hộ nghèo…"): never a bare key.
  const form = useReportForm(
    s0 ? { plan: s0.planId!, period: s0.period!, unit: s0.unitCode! } : undefined,
  );
  if (submission.isPending || events.isPending) return <PageLoading />;
  if (submission.error || events.error) {
    return <QueryError error={submission.error ?? events.error} />;
  }
  const s = submission.data!;
  const items = [...new Set((all.data ?? []).map((e) => e.item).filter(Boolean))] as string[];
  const locale = intlLocale(i18n.language);
  const names = new Map(
    (form.data?.items ?? []).map((i) => [i.key!, i.label ?? `${i.code ?? ''} ${i.title ?? ''}`]),
  );
  const units = new Map((form.data?.items ?? []).map((i) => [i.key!, i.measureUnit]));
  const nameOf = (key: string) => names.get(key) ?? key;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.historyTitle')}
      </Typography.Title>
      <Flex wrap gap={8} align="center">
        <Typography.Text strong>
          {s.unitName} · {labelOfCode(s.period ?? '', t)}
        </Typography.Text>
        <StateBadge state={s.state} />
        <Link to={`/bao-cao?period=${s.period}&unit=${s.unitCode}`}>{t('reports.openReport')}</Link>
      </Flex>
      <Select
        allowClear
        aria-label={t('reports.filterItem')}
        placeholder={t('reports.filterItem')}
        style={{ maxWidth: 480, width: '100%' }}
        value={item}
        onChange={(value) => select({ item: value })}
        options={items.map((key) => ({ value: key, label: nameOf(key) }))}
      />
      {(events.data ?? []).length === 0 ? <Empty /> : null}
      <Timeline
        data-testid="history"
        items={(events.data ?? []).map((e) => ({
          color: COLORS[e.kind ?? ''] ?? 'gray',
          children: (
            <Flex vertical gap={2}>
              <Typography.Text>
                <strong>{t(`reports.event.${e.kind}`)}</strong>
                {e.item ? ` · ${nameOf(e.item)}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(e.at!, locale)} · {e.actor}
              </Typography.Text>
              {e.kind === 'value' ? (
                <span>
                  <ValueText value={e.before as never} unit={units.get(e.item ?? '')} /> →{' '}
                  <ValueText value={e.after as never} unit={units.get(e.item ?? '')} />
                </span>
              ) : null}
              {e.reason ? <Typography.Text italic>“{e.reason}”</Typography.Text> : null}
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
