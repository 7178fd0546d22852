import { Alert, Button, Flex, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@/lib/download';
import { useBulkAccounts, workbookBlob } from '../api/accounts';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';

type Props = {
  open: boolean;
  onClose: () => void;
  units: { value: string; label: string; level: number }[];
  /** The units are still on their way: the run waits for them, and says so. */
  unitsLoading?: boolean;
  /** The units could not be read: said, with a retry, never a button that silently does nothing. */
  unitsError?: unknown;
  onRetryUnits?: () => void;
};

/**
 * One reporter account (bc.<code>) for every commune of a unit: the result lists what was
 * created, with temporary passwords shown once and as a workbook, and what existed already.
 */
export function BulkModal({ open, onClose, units, unitsLoading, unitsError, onRetryUnits }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkAccounts();
  const parents = units.filter((u) => u.level < 3);
  const [chosen, setUnit] = useState<string>();
  // the admin's own unit until another is chosen (the list may arrive after the first render)
  const unit = chosen ?? parents[0]?.value;
  const result = bulk.data;
  const close = () => {
    bulk.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('accounts.bulk.title')}
      onCancel={close}
      footer={null}
      width="min(720px, 100vw)"
      destroyOnHidden
    >
      {!result ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph>{t('accounts.bulk.explain')}</Typography.Paragraph>
          {unitsError ? <QueryError error={unitsError} onRetry={onRetryUnits} /> : null}
          <Select
            aria-label={t('accounts.unit')}
            loading={unitsLoading}
            value={unit}
            onChange={setUnit}
            options={parents}
            showSearch
            optionFilterProp="label"
          />
          <Button
            type="primary"
            loading={bulk.isPending || unitsLoading}
            disabled={!unit}
            onClick={() => unit && bulk.mutate(unit)}
            data-testid="bulk-run"
          >
            {t('accounts.bulk.run')}
          </Button>
          {bulk.error ? <Alert type="error" showIcon message={bulk.error.message} /> : null}
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Alert
            type={result.failed?.length ? 'warning' : 'success'}
            showIcon
            data-testid="bulk-summary"
            message={t('accounts.bulk.summary', {
              created: result.created?.length ?? 0,
              existing: result.existing?.length ?? 0,
              failed: result.failed?.length ?? 0,
            })}
          />
          {result.workbook ? (
            <>
              <Alert type="warning" showIcon message={t('accounts.password.once')} />
              <Button
                type="primary"
                data-testid="bulk-download"
                onClick={() => saveBlob(workbookBlob(result.workbook!), 'tai-khoan-moi.xlsx')}
              >
                {t('accounts.bulk.download')}
              </Button>
            </>
          ) : null}
          <ScrollBox label={t('accounts.bulk.created')}>
            <Table
              size="small"
              pagination={false}
              rowKey="username"
              style={{ minWidth: 520 }}
              dataSource={[...(result.created ?? []), ...(result.failed ?? [])]}
              columns={[
                { title: t('accounts.unit'), dataIndex: 'unitName' },
                { title: t('accounts.username'), dataIndex: 'username' },
                {
                  title: t('accounts.password.label'),
                  dataIndex: 'temporaryPassword',
                  render: (v: string | null, r) =>
                    v ? <Typography.Text code>{v}</Typography.Text> : (r.reason ?? ''),
                },
              ]}
            />
          </ScrollBox>
          {result.existing?.length ? (
            <Typography.Paragraph type="secondary">
              {t('accounts.bulk.existing')}: {result.existing.map((e) => e.username).join(', ')}
            </Typography.Paragraph>
          ) : null}
          <Button onClick={close} data-testid="bulk-close">
            {t('accounts.close')}
          </Button>
        </Flex>
      )}
    </Modal>
  );
}
