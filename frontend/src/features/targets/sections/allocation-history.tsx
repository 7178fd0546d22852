import { Collapse, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';
import { useAllocationHistory, type AllocationKey } from '../api/allocation';

type AllocationColumn = components['schemas']['AllocationColumn'];

/** Every change of the column's targets, read when the panel is first opened. */
export function AllocationHistory({
  allocationKey: key,
  column,
}: {
  allocationKey: AllocationKey;
  column: AllocationColumn;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const [open, setOpen] = useState(false);
  const history = useAllocationHistory(key, open);
  const measure = column.measure;
  const unitName = (code?: string) =>
    column.rows?.find((r) => r.unit?.code === code)?.unit?.name ?? code ?? '';
  const required = (v: boolean | undefined) =>
    v === undefined || v === null ? '—' : t(v ? 'targets.mustDo' : 'targets.notRequired');
  const figure = (required_: boolean | undefined, value: number | undefined) =>
    measure === 'activity'
      ? required(required_)
      : typeof value === 'number'
        ? formatNumber(value, locale)
        : '—';

  return (
    <Collapse
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'history',
          label: t('targets.history'),
          children: (
            <Table
              size="small"
              data-testid="allocation-history"
              rowKey={(r) => `${r.unitCode}-${r.changedAt}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              loading={history.isFetching}
              dataSource={history.data ?? []}
              columns={[
                {
                  title: t('targets.when'),
                  dataIndex: 'changedAt',
                  render: (v: string) => formatDateTime(v, locale),
                },
                {
                  title: t('targets.unit'),
                  dataIndex: 'unitCode',
                  render: (code: string) => unitName(code),
                },
                {
                  title: t('targets.before'),
                  render: (_, r) => figure(r.beforeRequired, r.before),
                },
                {
                  title: t('targets.after'),
                  render: (_, r) => figure(r.afterRequired, r.after),
                },
                {
                  title: t('targets.how'),
                  dataIndex: 'method',
                  responsive: ['md'],
                  render: (m?: string) => (m ? t(`targets.method.${m}`, { defaultValue: m }) : '—'),
                },
                { title: t('targets.who'), dataIndex: 'changedBy', responsive: ['md'] },
                { title: t('targets.reason'), dataIndex: 'reason', responsive: ['md'] },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
