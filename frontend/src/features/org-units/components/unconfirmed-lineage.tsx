import { Button, Flex, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { components } from '@/lib/api/schema';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useReviewLineage, useUnconfirmedLineage } from '../api/lineage';
import { ReasonModal } from './reason-modal';

type Row = components['schemas']['LineageRow'];

/**
 * The lineage rows the source left unconfirmed: an admin of the province confirms each as it is,
 * or names the unit that really received the old one, always with the reason (the decision that
 * settles it); every such change is kept in the row's history.
 */
export function UnconfirmedLineage() {
  const { t, i18n } = useTranslation();
  const rows = useUnconfirmedLineage(true);
  const review = useReviewLineage();
  const [open, setOpen] = useState<{ row: Row; correct: boolean }>();
  const [form] = Form.useForm<{ toCode?: string; reason: string }>();
  const locale = intlLocale(i18n.language);

  const close = () => {
    setOpen(undefined);
    form.resetFields();
    review.reset();
  };
  const submit = async () => {
    if (!open) return;
    const v = await form.validateFields();
    review.mutate(
      { id: open.row.id!, version: open.row.version!, toCode: v.toCode?.trim(), reason: v.reason },
      { onSuccess: close },
    );
  };

  if (rows.isError) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('changeSets.unconfirmed.heading')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('changeSets.unconfirmed.help')}</Typography.Text>
      <ScrollBox label={t('changeSets.unconfirmed.heading')}>
        <Table<Row>
          size="small"
          rowKey="id"
          loading={rows.isPending}
          dataSource={rows.data ?? []}
          pagination={false}
          locale={{
            emptyText: <Typography.Text>{t('changeSets.unconfirmed.none')}</Typography.Text>,
          }}
          columns={[
            { title: t('changeSets.date'), render: (_, r) => formatDate(r.effectiveDate!, locale) },
            { title: t('changeSets.from'), render: (_, r) => `${r.fromName} (${r.fromCode})` },
            { title: t('changeSets.change'), render: (_, r) => t(`units.change.${r.change}`) },
            {
              title: t('changeSets.to'),
              render: (_, r) => (r.toCode ? `${r.toName} (${r.toCode})` : '–'),
            },
            {
              title: '',
              render: (_, r) => (
                <Flex wrap gap={4}>
                  <Button
                    size="small"
                    onClick={() => setOpen({ row: r, correct: false })}
                    aria-label={`${t('changeSets.unconfirmed.confirm')} ${r.fromName} → ${r.toName ?? ''}`}
                  >
                    {t('changeSets.unconfirmed.confirm')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setOpen({ row: r, correct: true })}
                    aria-label={`${t('changeSets.unconfirmed.correct')} ${r.fromName} → ${r.toName ?? ''}`}
                  >
                    {t('changeSets.unconfirmed.correct')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </ScrollBox>
      <ReasonModal
        open={Boolean(open)}
        title={
          open &&
          t(
            open.correct
              ? 'changeSets.unconfirmed.correctTitle'
              : 'changeSets.unconfirmed.confirmTitle',
            {
              from: `${open.row.fromName} (${open.row.fromCode})`,
              to: `${open.row.toName ?? ''} (${open.row.toCode ?? ''})`,
            },
          )
        }
        okText={t(
          open?.correct ? 'changeSets.unconfirmed.correct' : 'changeSets.unconfirmed.confirm',
        )}
        form={form}
        pending={review.isPending}
        error={review.error}
        reasonLabel={t('changeSets.unconfirmed.reason')}
        required={t('changeSets.unconfirmed.required')}
        onCancel={close}
        onOk={() => void submit()}
      >
        {open?.correct && (
          <Form.Item
            name="toCode"
            label={t('changeSets.unconfirmed.toCode')}
            rules={[{ required: true, message: t('changeSets.unconfirmed.required') }]}
          >
            <Input inputMode="numeric" maxLength={16} />
          </Form.Item>
        )}
      </ReasonModal>
    </Flex>
  );
}
