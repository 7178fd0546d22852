import {
  Alert,
  Button,
  Card,
  Checkbox,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  proposeFill,
  useAllocation,
  useAllocationHistory,
  useSaveAllocation,
  type AllocationKey,
  type FillMethod,
  type RowUpdate,
} from '../api/allocation';
import type { components } from '@/lib/api/schema';

type AllocationColumn = components['schemas']['AllocationColumn'];
import { useParentChoices, usePlanContext } from '../api/context';
import { useWeights } from '../api/weights';
import { SheetPanel } from '../components/sheet-panel';
import { StatusTag } from '../components/status-tag';
import { defaultYear, YearUnitSelects } from '../components/year-unit-selects';
import { WeightsModal } from '../components/weights-modal';

type Draft = Record<string, { value?: number | null; required?: boolean }>;

/** The allocation editor: one item, one year, the parent's target on top, a row per child unit. */
export function AllocationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const { plan, allocatable, plans } = usePlanContext(params.get('plan') ?? undefined);
  const parents = useParentChoices(me.data?.orgUnitCode, me.data?.orgUnit?.level);
  const years = plan?.years ?? [];

  const item = params.get('item') ?? allocatable[0]?.key;
  const year = params.get('year') ?? defaultYear(years);
  const parent = params.get('parent') ?? me.data?.orgUnitCode ?? undefined;
  const key: AllocationKey | undefined =
    plan?.code && item && year && parent ? { plan: plan.code, item, year, parent } : undefined;

  const allocation = useAllocation(key);
  // The mutation lives here: the editor below is remounted for every new column version.
  const save = useSaveAllocation(key);
  const column = allocation.data?.column;
  const canEdit = Boolean(column?.allowed?.includes('allocate'));

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan) return <Empty description={t('plan.none')} />;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('targets.heading')}
        </Typography.Title>
        <Space wrap>
          {plan.code && year && parent && (
            <SheetPanel plan={plan.code} year={year} parent={parent} canEdit={canEdit} />
          )}
          <Link to={`/chi-tieu/tong-quan?year=${year}&unit=${parent ?? ''}`}>
            {t('targets.toOverview')}
          </Link>
        </Space>
      </Flex>
      <Flex wrap gap={8}>
        <Select
          showSearch
          aria-label={t('targets.item')}
          style={{ minWidth: 280, flex: 1 }}
          value={item}
          optionFilterProp="label"
          onChange={(v) => setParam('item', v)}
          options={allocatable.map((i) => ({
            value: i.key,
            label: `${i.code ?? i.key} ${i.title}`,
          }))}
        />
        <YearUnitSelects
          years={years}
          year={year}
          onYear={(v) => setParam('year', v)}
          unit={parent}
          onUnit={(v) => setParam('parent', v)}
          own={me.data?.orgUnit ?? undefined}
          below={parents.data ?? []}
        />
      </Flex>

      {allocation.isError && (
        <QueryError error={allocation.error} onRetry={() => void allocation.refetch()} />
      )}
      {column && key && allocation.data && (
        <ColumnEditor
          key={`${allocation.data.etag}|${column.itemKey}|${column.year}|${column.parent?.code}`}
          allocationKey={key}
          column={column}
          etag={allocation.data.etag}
          canEdit={canEdit}
          save={save}
        />
      )}
    </Flex>
  );
}

type EditorProps = {
  allocationKey: AllocationKey;
  column: AllocationColumn;
  etag: string;
  canEdit: boolean;
  save: ReturnType<typeof useSaveAllocation>;
};

function ColumnEditor({ allocationKey: key, column, etag, canEdit, save }: EditorProps) {
  const { t, i18n } = useTranslation();
  // Mounted afresh for every column version (see the key above), so the draft starts from it.
  const [draft, setDraft] = useState<Draft>(() => {
    const initial: Draft = {};
    column.rows?.forEach((r) => {
      initial[r.unit!.code!] = { value: r.value ?? null, required: r.required };
    });
    return initial;
  });
  const [method, setMethod] = useState<FillMethod | 'manual'>('manual');
  const [weight, setWeight] = useState('communes');
  const [weightsOpen, setWeightsOpen] = useState(false);
  const weights = useWeights(key.year, key.parent);
  const [reason, setReason] = useState('');
  const [perUnit, setPerUnit] = useState<number | null>(1);
  const [fillError, setFillError] = useState<unknown>();
  const [showHistory, setShowHistory] = useState(false);
  const history = useAllocationHistory(key, showHistory);

  const measure = column.measure;

  const sum = useMemo(
    () => Object.values(draft).reduce((s, r) => s + (typeof r.value === 'number' ? r.value : 0), 0),
    [draft],
  );
  const parentValue = column.parentTarget?.value;
  const locale = intlLocale(i18n.language);

  const fill = async (fillMethod: FillMethod) => {
    setFillError(undefined);
    try {
      const proposal = await proposeFill(
        key,
        fillMethod,
        fillMethod === 'each' || fillMethod === 'per-commune' ? (perUnit ?? 0) : undefined,
        fillMethod === 'proportional' ? weight : undefined,
      );
      const next: Draft = { ...draft };
      proposal.rows?.forEach((r) => {
        next[r.unitCode] = { value: r.value ?? null, required: r.required };
      });
      setDraft(next);
      setMethod(fillMethod);
    } catch (error) {
      setFillError(error);
    }
  };

  const changedRows = (): RowUpdate[] =>
    (column.rows ?? [])
      .map((r) => ({ code: r.unit!.code!, before: r, after: draft[r.unit!.code!] }))
      .filter(
        ({ before, after }) =>
          after &&
          ((measure === 'activity' && after.required !== before.required) ||
            (measure !== 'activity' && (after.value ?? null) !== (before.value ?? null))),
      )
      .map(({ code, after }) =>
        measure === 'activity'
          ? { unitCode: code, required: Boolean(after!.required) }
          : { unitCode: code, value: after!.value ?? undefined },
      );

  const stale = save.error instanceof ApiError && save.error.status === 412;
  const difference = typeof parentValue === 'number' ? parentValue - sum : undefined;

  return (
    <>
      <Card size="small">
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          {column.itemCode} {column.itemTitle}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={t('targets.parentTarget', { unit: column.parent?.name })}>
            <strong data-testid="parent-target">
              {measure === 'activity'
                ? t(column.parentTarget?.required ? 'targets.mustDo' : 'targets.notScheduled')
                : parentValue !== undefined
                  ? `${formatNumber(parentValue, locale)}${measure === 'percentage' ? '%' : ''}`
                  : t('targets.noTarget')}
            </strong>
            {column.unit && measure === 'count' && (
              <span style={{ marginLeft: 4 }}>{column.unit}</span>
            )}
          </Descriptions.Item>
          {measure === 'count' && (
            <>
              <Descriptions.Item label={t('targets.sum')}>
                <strong data-testid="running-sum">{formatNumber(sum, locale)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('targets.difference')}>
                <span data-testid="difference">
                  {difference === undefined ? '–' : formatNumber(difference, locale)}
                </span>
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('targets.state')}>
            <StatusTag status={column.status} />
            {column.missing ? t('targets.missing', { count: column.missing }) : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {canEdit && (
        <Flex wrap gap={8} align="center">
          {measure === 'count' && (
            <>
              <Button onClick={() => void fill('equal')}>{t('targets.fill.equal')}</Button>
              <Space.Compact>
                <Select
                  aria-label={t('targets.weights.use')}
                  value={weight}
                  onChange={setWeight}
                  style={{ width: 150 }}
                  options={[
                    { value: 'communes', label: t('targets.weights.communes') },
                    ...(weights.data?.names ?? []).map((n) => ({ value: n, label: n })),
                  ]}
                />
                <Button onClick={() => void fill('proportional')}>
                  {t('targets.fill.proportional')}
                </Button>
              </Space.Compact>
              <Button type="link" onClick={() => setWeightsOpen(true)}>
                {t('targets.weights.edit')}
              </Button>
              <WeightsModal
                open={weightsOpen}
                onClose={() => setWeightsOpen(false)}
                year={key.year}
                parent={key.parent}
              />
            </>
          )}
          {measure !== 'activity' && (
            <Space.Compact>
              <InputNumber
                aria-label={t('targets.fill.value')}
                min={0}
                max={measure === 'percentage' ? 100 : undefined}
                value={perUnit}
                onChange={setPerUnit}
                style={{ width: 90 }}
              />
              <Button onClick={() => void fill('each')}>{t('targets.fill.each')}</Button>
              {measure === 'count' && (
                <Button onClick={() => void fill('per-commune')}>
                  {t('targets.fill.perCommune')}
                </Button>
              )}
            </Space.Compact>
          )}
        </Flex>
      )}
      {fillError !== undefined && <QueryError error={fillError} />}

      <Table
        size="small"
        rowKey={(r) => r.unit!.code!}
        pagination={false}
        dataSource={column.rows ?? []}
        columns={[
          {
            title: t('targets.unit'),
            render: (_, r) => (
              <span>
                {r.unit?.name} <Typography.Text type="secondary">· {r.unit?.code}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('targets.communes'),
            dataIndex: 'communes',
            width: 90,
            responsive: ['sm'],
          },
          {
            title: measure === 'activity' ? t('targets.mustDo') : t('targets.target'),
            width: 150,
            render: (_, r) => {
              const code = r.unit!.code!;
              const current = draft[code];
              if (measure === 'activity') {
                return (
                  <Checkbox
                    aria-label={r.unit?.name}
                    disabled={!canEdit}
                    checked={Boolean(current?.required)}
                    onChange={(e) => setDraft({ ...draft, [code]: { required: e.target.checked } })}
                  />
                );
              }
              return canEdit ? (
                <InputNumber
                  aria-label={r.unit?.name}
                  min={0}
                  max={measure === 'percentage' ? 100 : undefined}
                  precision={measure === 'count' ? 0 : 2}
                  value={current?.value ?? null}
                  onChange={(v) => setDraft({ ...draft, [code]: { value: v } })}
                  style={{ width: '100%' }}
                />
              ) : (
                <span>{current?.value ?? '–'}</span>
              );
            },
          },
        ]}
      />

      {canEdit && (
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={t('targets.reason')}
            placeholder={t('targets.reason')}
            maxLength={1000}
            autoSize={{ minRows: 1, maxRows: 3 }}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {stale && <Alert type="warning" showIcon message={t('targets.stale')} />}
          {save.isError && !stale && <QueryError error={save.error} />}
          {save.isSuccess && save.data?.etag === etag.replaceAll('"', '') && (
            <Alert type="success" showIcon message={t('app.saved')} />
          )}
          <Flex gap={8}>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={changedRows().length === 0}
              onClick={() =>
                save.mutate({
                  etag,
                  rows: changedRows(),
                  method,
                  reason: reason || undefined,
                })
              }
            >
              {t('app.save')}
            </Button>
          </Flex>
        </Flex>
      )}

      <Collapse
        onChange={(keys) => setShowHistory(keys.length > 0)}
        items={[
          {
            key: 'history',
            label: t('targets.history'),
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.unitCode}-${r.changedAt}`}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                loading={history.isFetching}
                dataSource={history.data ?? []}
                columns={[
                  {
                    title: t('targets.when'),
                    dataIndex: 'changedAt',
                    render: (v: string) => new Date(v).toLocaleString(locale),
                  },
                  { title: t('targets.unit'), dataIndex: 'unitCode' },
                  {
                    title: t('targets.before'),
                    render: (_, r) =>
                      r.before ?? (r.beforeRequired === undefined ? '–' : String(r.beforeRequired)),
                  },
                  {
                    title: t('targets.after'),
                    render: (_, r) =>
                      r.after ?? (r.afterRequired === undefined ? '–' : String(r.afterRequired)),
                  },
                  { title: t('targets.who'), dataIndex: 'changedBy', responsive: ['md'] },
                  { title: t('targets.reason'), dataIndex: 'reason', responsive: ['md'] },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
