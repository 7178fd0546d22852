import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import type { PlanItem } from '@/lib/api/types';
import { usePlanItem } from '../api/get-plan-item';
import { useUpdateItemMeasure } from '../api/update-item-measure';

type Props = {
  planId: string;
  itemKey: string | undefined;
  canEdit: boolean;
  onClose: () => void;
};

/** Everything the plan says about one item; the province planner may correct its measure. */
export function ItemDrawer({ planId, itemKey, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const query = usePlanItem(planId, itemKey);
  const item = query.data?.item;
  return (
    <Drawer
      open={Boolean(itemKey)}
      onClose={onClose}
      width={Math.min(640, window.innerWidth)}
      title={item ? `${item.code ?? ''} ${t(`plan.kind.${item.kind}`)}` : t('app.loading')}
      destroyOnHidden
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {item && (
        <Flex vertical gap={16}>
          <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="year"
            dataSource={item.years ?? []}
            columns={[
              { title: t('plan.year'), dataIndex: 'year' },
              { title: t('plan.level'), dataIndex: 'raw', render: (raw: string) => raw || '–' },
              {
                title: t('plan.meaning'),
                dataIndex: 'kind',
                render: (kind: string) => t(`plan.levelKind.${kind}`),
              },
            ]}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('plan.implementingLevel')}>
              {item.implementingLevel ?? '–'}
              {item.implementingLevels?.map((l) => (
                <Tag key={l} style={{ marginLeft: 8 }}>
                  {t(`level.${l}`)}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.lead')}>
              <div>{item.lead ?? '–'}</div>
              {item.departments?.map((d) => (
                <Tag key={d.code} color="magenta">
                  {d.shortName}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.coordinators')}>
              {item.coordinators ?? '–'}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.funding')}>{item.funding ?? '–'}</Descriptions.Item>
            {item.footnotes && item.footnotes.length > 0 && (
              <Descriptions.Item label={t('plan.footnotes')}>
                {item.footnotes.map((f) => (
                  <div key={f.number}>
                    <sup>{f.number}</sup> {f.text}
                  </div>
                ))}
              </Descriptions.Item>
            )}
            {item.measure && (
              <Descriptions.Item label={t('plan.measure')}>
                {t(`plan.measureType.${item.measure.type}`)}
                {item.measure.unit ? ` (${item.measure.unit})` : ''}
                {item.measure.guessed && <Tag style={{ marginLeft: 8 }}>{t('plan.guessed')}</Tag>}
              </Descriptions.Item>
            )}
          </Descriptions>
          {canEdit && item.measure && query.data && (
            <MeasureForm planId={planId} item={item} etag={query.data.etag} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

function MeasureForm({ planId, item, etag }: { planId: string; item: PlanItem; etag: string }) {
  const { t } = useTranslation();
  const update = useUpdateItemMeasure(planId);
  const [form] = Form.useForm<{ type: 'count' | 'percentage' | 'activity'; unit?: string }>();
  const type = Form.useWatch('type', form);
  const stale = update.error instanceof ApiError && update.error.status === 412;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ type: item.measure?.type, unit: item.measure?.unit ?? '' }}
      onFinish={(values) =>
        update.mutate({ key: item.key!, etag, type: values.type, unit: values.unit })
      }
    >
      <Typography.Title level={5}>{t('plan.correctMeasure')}</Typography.Title>
      <Form.Item name="type" label={t('plan.measure')} rules={[{ required: true }]}>
        <Select
          options={(['count', 'percentage', 'activity'] as const).map((m) => ({
            value: m,
            label: t(`plan.measureType.${m}`),
          }))}
        />
      </Form.Item>
      {type === 'count' && (
        <Form.Item name="unit" label={t('plan.unit')}>
          <Input maxLength={60} placeholder="hộ, hội viên, mô hình…" />
        </Form.Item>
      )}
      {stale && (
        <Alert type="warning" showIcon message={t('error.stale')} style={{ marginBottom: 12 }} />
      )}
      {update.isError && !stale && <QueryError error={update.error} />}
      {update.isSuccess && (
        <Alert type="success" showIcon message={t('app.saved')} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('app.save')}
      </Button>
    </Form>
  );
}
