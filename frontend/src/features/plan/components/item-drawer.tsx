import {
  Alert,
  Button,
  Checkbox,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import type { PlanItem } from '@/lib/api/types';
import { usePlanItem } from '../api/get-plan-item';
import { LevelAmendment } from './level-amendment';
import {
  useUpdateItemMeasure,
  useUpdateReportingLevels,
  useUpdateTermRule,
} from '../api/update-item-measure';

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
              {
                title: t('plan.level'),
                dataIndex: 'raw',
                render: (raw: string, y) =>
                  y.originalRaw != null ? (
                    <Flex vertical>
                      <span>
                        {raw || '–'} <Tag>{t('plan.amend.tag')}</Tag>
                      </span>
                      <Typography.Text type="secondary">
                        {t('plan.amend.original', {
                          raw: y.originalRaw || '–',
                          decision: y.decision,
                        })}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    raw || '–'
                  ),
              },
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
            {item.reportingLevels && (
              <Descriptions.Item label={t('plan.reportingLevels')}>
                <span data-testid="reporting-levels">
                  {item.reportingLevels.map((l) => (
                    <Tag key={l}>{t(`level.${l}`)}</Tag>
                  ))}
                </span>
                {item.reportingLevelsGuessed && <Tag>{t('plan.proposed')}</Tag>}
              </Descriptions.Item>
            )}
            {item.termRule && (
              <Descriptions.Item label={t('plan.termRule')}>
                <span data-testid="term-rule">{t(`progress.ruleName.${item.termRule}`)}</span>
                {item.termRuleGuessed && <Tag style={{ marginLeft: 8 }}>{t('plan.proposed')}</Tag>}
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
          {canEdit && item.reportingLevels && query.data && (
            <LevelsForm planId={planId} item={item} etag={query.data.etag} />
          )}
          {canEdit && item.measure && query.data && (
            <MeasureForm planId={planId} item={item} etag={query.data.etag} />
          )}
          {item.measure && item.measure.type !== 'activity' && query.data && (
            <LevelAmendment planId={planId} item={item} etag={query.data.etag} canEdit={canEdit} />
          )}
          {canEdit && item.termRule && query.data && (
            <TermRuleForm planId={planId} item={item} etag={query.data.etag} />
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

/** The province planner confirms the proposed reporting levels, or corrects them. */
function LevelsForm({ planId, item, etag }: { planId: string; item: PlanItem; etag: string }) {
  const { t } = useTranslation();
  const update = useUpdateReportingLevels(planId);
  const [levels, setLevels] = useState<number[]>(item.reportingLevels ?? []);
  const stale = update.error instanceof ApiError && update.error.status === 412;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('plan.confirmLevels')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('plan.confirmLevelsHelp')}</Typography.Text>
      <Checkbox.Group
        aria-label={t('plan.reportingLevels')}
        value={levels}
        onChange={(v) => setLevels((v as number[]).slice().sort())}
        options={[1, 2, 3].map((l) => ({ value: l, label: t(`level.${l}`) }))}
      />
      {stale && <Alert type="warning" showIcon message={t('error.stale')} />}
      {update.isError && !stale && <QueryError error={update.error} />}
      {update.isSuccess && <Alert type="success" showIcon message={t('app.saved')} />}
      <Button
        style={{ alignSelf: 'flex-start' }}
        disabled={levels.length === 0}
        loading={update.isPending}
        onClick={() => update.mutate({ key: item.key!, etag, levels })}
      >
        {item.reportingLevelsGuessed ? t('plan.confirm') : t('app.save')}
      </Button>
    </Flex>
  );
}

/** The province planner sets how a leaf is judged over the term. */
function TermRuleForm({ planId, item, etag }: { planId: string; item: PlanItem; etag: string }) {
  const { t } = useTranslation();
  const update = useUpdateTermRule(planId);
  const [rule, setRule] = useState<'sum' | 'last' | 'each'>(
    (item.termRule as 'sum' | 'last' | 'each') ?? 'sum',
  );
  const stale = update.error instanceof ApiError && update.error.status === 412;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('plan.termRule')}
      </Typography.Title>
      <Select
        aria-label={t('plan.termRule')}
        value={rule}
        onChange={setRule}
        style={{ maxWidth: 260 }}
        options={(['sum', 'last', 'each'] as const).map((r) => ({
          value: r,
          label: t(`progress.ruleName.${r}`),
        }))}
      />
      {stale && <Alert type="warning" showIcon message={t('error.stale')} />}
      {update.isError && !stale && <QueryError error={update.error} />}
      {update.isSuccess && <Alert type="success" showIcon message={t('app.saved')} />}
      <Button
        style={{ alignSelf: 'flex-start' }}
        loading={update.isPending}
        onClick={() => update.mutate({ key: item.key!, etag, rule })}
      >
        {item.termRuleGuessed ? t('plan.confirm') : t('app.save')}
      </Button>
    </Flex>
  );
}
