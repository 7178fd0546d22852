import { Alert, Button, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { useDepartments } from '@/lib/api/shared-reads';
import { useAllocateDepartment, useCopyYear } from '../api/batch';

/** A planner's actions on a whole year: copy it to the next years, allocate a department's items. */
export function BatchActions({
  plan,
  unit,
  year,
  years,
}: {
  plan: string;
  unit: string;
  year: number;
  years: number[];
}) {
  const { t } = useTranslation();
  const copy = useCopyYear();
  const bulk = useAllocateDepartment();
  const departments = useDepartments();
  const [department, setDepartment] = useState<string>();
  const [method, setMethod] = useState<'equal' | 'proportional'>('proportional');
  const later = years.filter((y) => y > year);
  const result = copy.data ?? bulk.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Popconfirm
          title={t('targets.batch.copyConfirm', { year, to: later.join(', ') })}
          disabled={later.length === 0}
          onConfirm={() =>
            copy.mutate({ planId: plan, parentUnit: unit, fromYear: year, toYears: later })
          }
        >
          <Button disabled={later.length === 0} loading={copy.isPending}>
            {t('targets.batch.copy')}
          </Button>
        </Popconfirm>
        <Select
          allowClear
          aria-label={t('plan.lead')}
          placeholder={t('plan.lead')}
          style={{ width: 170 }}
          value={department}
          onChange={setDepartment}
          options={departments.data?.map((d) => ({ value: d.code, label: d.shortName }))}
        />
        <Select
          aria-label={t('targets.batch.method')}
          style={{ width: 170 }}
          value={method}
          onChange={setMethod}
          options={[
            { value: 'proportional', label: t('targets.weights.communes') },
            { value: 'equal', label: t('targets.fill.equal') },
          ]}
        />
        <Button
          disabled={!department}
          loading={bulk.isPending}
          onClick={() =>
            department && bulk.mutate({ planId: plan, parentUnit: unit, year, department, method })
          }
        >
          {t('targets.batch.department')}
        </Button>
      </Space>
      {result && (
        <Alert
          type="success"
          showIcon
          message={t('targets.batch.done', { set: result.targetsSet, unchanged: result.unchanged })}
          description={result.skipped?.length ? result.skipped.slice(0, 10).join(' · ') : undefined}
        />
      )}
      {copy.isError && <QueryError error={copy.error} />}
      {bulk.isError && <QueryError error={bulk.error} />}
    </Space>
  );
}
