import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '@/components/ui/number-input';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import type { PlanItem } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { useAmendLevel, useAmendments } from '../api/amend-level';

/**
 * Điều chỉnh chỉ tiêu: the province planner gives a year of a count or percentage a new level,
 * with the decision's number and the reason; the level as adopted stays beside it. Every
 * amendment is listed as it was made.
 */
export function LevelAmendment({
  planId,
  item,
  etag,
  canEdit,
}: {
  planId: string;
  item: PlanItem;
  etag: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const amend = useAmendLevel(planId);
  const history = useAmendments(planId, item.key);
  const years = (item.years ?? []).map((y) => y.year!);
  const [year, setYear] = useState<number | undefined>(years[years.length - 1]);
  const [value, setValue] = useState<number | null>(null);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const percentage = item.measure?.type === 'percentage';
  const stale = amend.error instanceof ApiError && amend.error.status === 412;
  const amendments = history.data ?? [];
  return (
    <Flex vertical gap={8} data-testid="level-amendment">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('plan.amend.title')}
      </Typography.Title>
      {amendments.length > 0 && (
        <Flex vertical gap={4} data-testid="amendments">
          {amendments.map((a, i) => (
            <Typography.Text key={i}>
              {t('plan.amend.line', {
                year: a.year,
                before: a.beforeRaw || '–',
                after: a.afterRaw,
                decision: a.decision,
              })}
              <Typography.Text type="secondary">
                {' '}
                · {a.reason} · {a.amendedBy}, {formatDateTime(a.amendedAt ?? '')}
              </Typography.Text>
            </Typography.Text>
          ))}
        </Flex>
      )}
      {canEdit && (
        <Form layout="vertical" style={{ maxWidth: 420 }}>
          <Typography.Text type="secondary">{t('plan.amend.help')}</Typography.Text>
          <Form.Item label={t('plan.year')}>
            <Select
              aria-label={t('plan.year')}
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: y }))}
            />
          </Form.Item>
          <Form.Item label={t('plan.amend.value')} required>
            <NumberInput
              ariaLabel={t('plan.amend.value')}
              whole={!percentage}
              max={percentage ? 100 : undefined}
              percentage={percentage}
              value={value}
              onChange={(v) => setValue(v ?? null)}
              width={140}
            />
          </Form.Item>
          <Form.Item label={t('plan.amend.decision')} required>
            <Input
              aria-label={t('plan.amend.decision')}
              value={decision}
              maxLength={100}
              placeholder="Quyết định số …/QĐ-… ngày …"
              onChange={(e) => setDecision(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('plan.amend.reason')} required>
            <Input.TextArea
              aria-label={t('plan.amend.reason')}
              value={reason}
              maxLength={1000}
              rows={2}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
          {stale && <Alert type="warning" showIcon message={t('error.stale')} />}
          {amend.isError && !stale && <QueryError error={amend.error} />}
          {amend.isSuccess && <Alert type="success" showIcon message={t('app.saved')} />}
          <Button
            type="primary"
            disabled={year == null || value == null || !decision.trim() || !reason.trim()}
            loading={amend.isPending}
            onClick={() =>
              amend.mutate({
                key: item.key!,
                etag,
                year: year!,
                value: value!,
                decision: decision.trim(),
                reason: reason.trim(),
              })
            }
          >
            {t('plan.amend.submit')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}
