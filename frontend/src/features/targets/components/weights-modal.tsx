import { Alert, Button, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { useSaveWeights, useWeights } from '../api/weights';

/** Type in a figure per child unit (for example members), kept for the year. */
export function WeightsModal({
  open,
  onClose,
  year,
  parent,
}: {
  open: boolean;
  onClose: () => void;
  year: string;
  parent: string;
}) {
  const { t } = useTranslation();
  const weights = useWeights(year, parent);
  const save = useSaveWeights(year, parent);
  const [name, setName] = useState('Hội viên');
  const [values, setValues] = useState<Record<string, number | null>>({});
  const rows = weights.data?.rows ?? [];
  const valueOf = (code: string) =>
    code in values
      ? values[code]
      : (rows.find((r) => r.unit?.code === code)?.values?.[name] ?? null);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('targets.weights.title', { year })}
      footer={
        <Button
          type="primary"
          loading={save.isPending}
          disabled={!name.trim()}
          onClick={() =>
            save.mutate({
              name: name.trim(),
              values: rows
                .map((r) => ({ unitCode: r.unit!.code!, value: valueOf(r.unit!.code!) }))
                .filter(
                  (v): v is { unitCode: string; value: number } => typeof v.value === 'number',
                ),
            })
          }
        >
          {t('app.save')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('targets.weights.help')}</Typography.Paragraph>
      <Input
        aria-label={t('targets.weights.name')}
        value={name}
        maxLength={60}
        onChange={(e) => {
          setName(e.target.value);
          setValues({});
        }}
        style={{ marginBottom: 12 }}
      />
      {weights.isError && <QueryError error={weights.error} />}
      {save.isError && <QueryError error={save.error} />}
      {save.isSuccess && (
        <Alert type="success" showIcon message={t('app.saved')} style={{ marginBottom: 12 }} />
      )}
      <Table
        size="small"
        rowKey={(r) => r.unit!.code!}
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        columns={[
          { title: t('targets.unit'), render: (_, r) => r.unit?.name },
          {
            title: name || '–',
            width: 140,
            render: (_, r) => (
              <InputNumber
                aria-label={`${name} ${r.unit?.name}`}
                min={0}
                value={valueOf(r.unit!.code!)}
                onChange={(v) => setValues({ ...values, [r.unit!.code!]: v })}
                style={{ width: '100%' }}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
