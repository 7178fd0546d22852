import { Alert, Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';
import type { FillMethod, RowUpdate, useSaveAllocation } from '../api/allocation';

type AllocationColumn = components['schemas']['AllocationColumn'];

type Props = {
  column: AllocationColumn;
  /** The version of the column the draft was made from (If-Match). */
  etag: string;
  save: ReturnType<typeof useSaveAllocation>;
  /** The rows that would change. */
  changes: RowUpdate[];
  /** How many typed numbers cannot be taken: nothing is saved while there are any. */
  problemCount: number;
  method: FillMethod | 'manual';
  sum: number;
  difference: number | undefined;
};

/**
 * The reason and the save: a reason is asked for when targets already given are changed and the
 * period requires one, an over- or under-allocation is saved only once confirmed, and a column
 * changed meanwhile by someone else is said, never overwritten (412).
 */
export function SaveBar(props: Props) {
  const { column, etag, save, changes, problemCount, method, sum, difference } = props;
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const unitWord = column.unit ? ` ${column.unit}` : '';
  const changesExisting = changes.some((c) =>
    column.rows?.some((r) => r.unit?.code === c.unitCode && r.updatedAt),
  );
  const reasonMissing = Boolean(column.reasonRequired) && changesExisting && !reason.trim();
  const mismatch = column.measure === 'count' && difference !== undefined && difference !== 0;
  const send = () => save.mutate({ etag, rows: changes, method, reason: reason || undefined });

  return (
    <Flex vertical gap={8}>
      <label htmlFor="allocation-reason">
        {t('targets.reason')}
        {column.reasonRequired && changesExisting ? (
          <Typography.Text type="danger"> * {t('targets.reasonRequired')}</Typography.Text>
        ) : null}
      </label>
      <Input.TextArea
        id="allocation-reason"
        aria-required={reasonMissing || undefined}
        maxLength={1000}
        autoSize={{ minRows: 1, maxRows: 3 }}
        value={reason}
        status={reasonMissing ? 'warning' : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {stale && <Alert type="warning" showIcon message={t('targets.stale')} />}
      {save.isError && !stale && <QueryError error={save.error} />}
      {save.isSuccess && save.data?.etag === etag.replaceAll('"', '') && (
        <Alert type="success" showIcon message={t('app.saved')} />
      )}
      <Flex gap={8}>
        <Popconfirm
          title={
            mismatch
              ? t(difference! < 0 ? 'targets.saveOver' : 'targets.saveUnder', {
                  n: formatNumber(Math.abs(difference!), locale),
                  unit: unitWord,
                  sum: formatNumber(sum, locale),
                  target: formatNumber(column.parentTarget?.value as number, locale),
                })
              : t('targets.saveConfirm')
          }
          open={confirming}
          onOpenChange={(next) => {
            if (!next) setConfirming(false);
          }}
          okText={t('app.save')}
          cancelText={t('app.close')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            send();
          }}
        >
          <Button
            type="primary"
            loading={save.isPending}
            disabled={changes.length === 0 || problemCount > 0 || reasonMissing}
            onClick={() => {
              // An over- or under-allocation is saved only once confirmed.
              if (mismatch) setConfirming(true);
              else send();
            }}
          >
            {t('app.save')}
          </Button>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
