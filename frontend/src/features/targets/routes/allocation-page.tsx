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
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSelection } from '@/lib/selection';
import { NumberInput } from '@/components/ui/number-input';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { formatDateTime, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  proposeFill,
  useAllocation,
  useAllocationHistory,
  useSaveAllocation,
  type AllocationKey,
  type FillMethod,
} from '../api/allocation';
import type { components } from '@/lib/api/schema';

type AllocationColumn = components['schemas']['AllocationColumn'];
import { useParentChoices, usePlanContext } from '../api/context';
import { useWeights } from '../api/weights';
import { ClosedDuringYear } from '../components/closed-during-year';
import { SheetPanel } from '../components/sheet-panel';
import { StatusTag } from '../components/status-tag';
import { defaultYear, YearUnitSelects } from '../components/year-unit-selects';
import { WeightsModal } from '../components/weights-modal';
import { useColumnDraft } from '../hooks/use-column-draft';

/** The allocation editor: one item, one year, the parent's target on top, a row per child unit. */
export function AllocationPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const me = useMe();
  const { plan, allocatable, plans } = usePlanContext(get('plan'));
  const parents = useParentChoices(me.data?.orgUnitCode, me.data?.orgUnit?.level);
  const years = plan?.years ?? [];

  const item = get('item') ?? allocatable[0]?.key;
  const year = get('year') ?? defaultYear(years);
  const parent = get('parent') ?? me.data?.orgUnitCode ?? undefined;
  const key: AllocationKey | undefined =
    plan?.code && item && year && parent ? { plan: plan.code, item, year, parent } : undefined;

  const allocation = useAllocation(key);
  // The mutation lives here: the editor below is remounted for every new column version.
  const save = useSaveAllocation(key);
  const column = allocation.data?.column;
  const canEdit = Boolean(column?.allowed?.includes('allocate'));

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan) return <Empty description={t('plan.none')} />;
  if ((me.data?.orgUnit?.level ?? 3) >= 3) {
    return <Empty description={t('targets.nobodyBelow')} />;
  }

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
          onChange={(v) => select({ item: v })}
          options={allocatable.map((i) => ({
            value: i.key,
            label: `${i.code ?? i.key} ${i.title}`,
          }))}
        />
        <YearUnitSelects
          years={years}
          year={year}
          onYear={(v) => select({ year: v })}
          unit={parent}
          onUnit={(v) => select({ parent: v })}
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
  const columnDraft = useColumnDraft(column);
  const { draft, setRow, problem, problemCount, sum, difference, changes } = columnDraft;
  const [method, setMethod] = useState<FillMethod | 'manual'>('manual');
  const [weight, setWeight] = useState('communes');
  const [weightsOpen, setWeightsOpen] = useState(false);
  const weights = useWeights(key.year, key.parent);
  const [reason, setReason] = useState('');
  const [perUnit, setPerUnit] = useState<number | undefined>(1);
  // Units with no cơ sở Hội (the affiliated Công an, Quân sự) are left out of splits unless put back.
  const [withoutCommunes, setWithoutCommunes] = useState(false);
  const noCommunes = (column.rows ?? []).filter((r) => (r.communes ?? 0) === 0);
  const [fillError, setFillError] = useState<unknown>();
  const [showHistory, setShowHistory] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const history = useAllocationHistory(key, showHistory);

  const measure = column.measure;

  const parentValue = column.parentTarget?.value;
  // units that began during the year before or this year: a change of the map made them, and
  // their former units' targets are the proposal (docs/adr/0011)
  const newUnits = (column.rows ?? []).filter(
    (r) => (r.unit?.validFrom ?? '') > `${Number(key.year) - 2}-12-31`,
  ).length;
  const locale = intlLocale(i18n.language);

  const fill = async (fillMethod: FillMethod) => {
    setFillError(undefined);
    try {
      const split = fillMethod === 'equal' || fillMethod === 'proportional';
      const proposal = await proposeFill(
        key,
        fillMethod,
        fillMethod === 'each' || fillMethod === 'per-commune' ? (perUnit ?? 0) : undefined,
        fillMethod === 'proportional' ? weight : undefined,
        split && withoutCommunes ? (column.rows ?? []).map((r) => r.unit!.code!) : undefined,
      );
      columnDraft.propose(proposal.rows ?? []);
      setMethod(fillMethod);
    } catch (error) {
      setFillError(error);
    }
  };

  const stale = save.error instanceof ApiError && save.error.status === 412;
  // the state follows what is typed, not what was last saved
  const liveStatus = columnDraft.status;
  const unitWord = column.unit ? ` ${column.unit}` : '';
  const changesExisting = changes.some((c) =>
    column.rows?.some((r) => r.unit?.code === c.unitCode && r.updatedAt),
  );
  const reasonMissing = Boolean(column.reasonRequired) && changesExisting && !reason.trim();
  const mismatch = measure === 'count' && difference !== undefined && difference !== 0;
  const unitName = (code?: string) =>
    column.rows?.find((r) => r.unit?.code === code)?.unit?.name ?? code ?? '';
  const required = (v: boolean | undefined) =>
    v === undefined || v === null ? '—' : t(v ? 'targets.mustDo' : 'targets.notRequired');

  return (
    <>
      {/* The totals stay in view while the rows are scrolled on a phone. */}
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5 }}>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          {column.itemCode} {column.itemTitle}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={t('targets.parentTarget', { unit: column.parent?.name })}>
            <strong data-testid="parent-target">
              {measure === 'activity'
                ? column.parentTarget?.source === 'default'
                  ? t('targets.byLevel', {
                      what: t(
                        column.parentTarget?.required ? 'targets.mustDo' : 'targets.notRequired',
                      ),
                    })
                  : t(column.parentTarget?.required ? 'targets.mustDo' : 'targets.notScheduled')
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
                  {difference === undefined
                    ? '–'
                    : difference < 0
                      ? t('targets.overBy', {
                          n: formatNumber(-difference, locale),
                          unit: unitWord,
                        })
                      : difference > 0
                        ? t('targets.leftToGive', {
                            n: formatNumber(difference, locale),
                            unit: unitWord,
                          })
                        : t('targets.allGiven')}
                </span>
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('targets.state')}>
            <span data-testid="live-status">
              <StatusTag status={liveStatus} />
            </span>
            {column.missing ? t('targets.missing', { count: column.missing }) : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {canEdit && (
        <Flex wrap gap={8} align="center">
          {newUnits > 0 && (
            <Button onClick={() => void fill('predecessors')}>
              {t('targets.fill.predecessors', { count: newUnits })}
            </Button>
          )}
          {measure === 'count' && (
            <>
              <Button onClick={() => void fill('equal')}>{t('targets.fill.equal')}</Button>
              {noCommunes.length > 0 && (
                <Checkbox
                  checked={withoutCommunes}
                  onChange={(e) => setWithoutCommunes(e.target.checked)}
                >
                  {t('targets.fill.withoutCommunes', {
                    units: noCommunes.map((r) => r.unit?.name).join(', '),
                  })}
                </Checkbox>
              )}
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
              <NumberInput
                ariaLabel={t('targets.fill.value')}
                whole={measure === 'count'}
                max={measure === 'percentage' ? 100 : undefined}
                percentage={measure === 'percentage'}
                value={perUnit}
                onChange={setPerUnit}
                onProblem={problem('perUnit')}
                width={110}
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
                    onChange={(e) => setRow(code, { required: e.target.checked })}
                  />
                );
              }
              const notGiven = current?.required === false;
              return canEdit ? (
                <Flex vertical gap={2}>
                  {notGiven ? null : (
                    <NumberInput
                      ariaLabel={r.unit?.name}
                      whole={measure === 'count'}
                      max={measure === 'percentage' ? 100 : undefined}
                      percentage={measure === 'percentage'}
                      suffix={measure === 'percentage' ? '%' : undefined}
                      value={current?.value ?? null}
                      onChange={(v) => setRow(code, { value: v ?? null })}
                      onProblem={problem(code)}
                      width="100%"
                    />
                  )}
                  {/* The item does not apply to this unit: it gets nothing and does not report it. */}
                  <Checkbox
                    checked={notGiven}
                    aria-label={t('targets.notGivenFor', { unit: r.unit?.name })}
                    onChange={(e) => {
                      problem(code)(undefined);
                      setRow(
                        code,
                        e.target.checked ? { value: null, required: false } : { value: null },
                      );
                    }}
                  >
                    {t('targets.notGiven')}
                  </Checkbox>
                </Flex>
              ) : (
                <span>
                  {notGiven
                    ? t('targets.notGiven')
                    : typeof current?.value === 'number'
                      ? formatNumber(current.value, locale)
                      : '–'}
                </span>
              );
            },
          },
        ]}
      />
      <ClosedDuringYear column={column} />

      {canEdit && (
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
                      target: formatNumber(parentValue as number, locale),
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
                save.mutate({ etag, rows: changes, method, reason: reason || undefined });
              }}
            >
              <Button
                type="primary"
                loading={save.isPending}
                disabled={changes.length === 0 || problemCount > 0 || reasonMissing}
                onClick={() => {
                  // An over- or under-allocation is saved only once confirmed.
                  if (mismatch) setConfirming(true);
                  else save.mutate({ etag, rows: changes, method, reason: reason || undefined });
                }}
              >
                {t('app.save')}
              </Button>
            </Popconfirm>
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
                    render: (_, r) =>
                      measure === 'activity'
                        ? required(r.beforeRequired)
                        : typeof r.before === 'number'
                          ? formatNumber(r.before, locale)
                          : '—',
                  },
                  {
                    title: t('targets.after'),
                    render: (_, r) =>
                      measure === 'activity'
                        ? required(r.afterRequired)
                        : typeof r.after === 'number'
                          ? formatNumber(r.after, locale)
                          : '—',
                  },
                  {
                    title: t('targets.how'),
                    dataIndex: 'method',
                    responsive: ['md'],
                    render: (m?: string) =>
                      m ? t(`targets.method.${m}`, { defaultValue: m }) : '—',
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
