import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Space, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { isTransient, newIdempotencyKey } from '@/lib/api/retry';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  fieldErrorsByItem,
  loadEdits,
  sameValue,
  storeEdits,
  type Edits,
} from '../api/local-draft';
import {
  usePeriods,
  useReportForm,
  useSaveReport,
  useReportTransition,
  type FormItem,
  type ValueInput,
} from '../api/submissions';
import { ItemRow } from '../components/item-row';
import { defaultPeriod, PeriodSelect } from '../components/period-select';
import { StateBadge } from '../components/state-badge';

type Section = { key: string; title: string; groups: { title: string; items: FormItem[] }[] };

/** Items in plan order, under their section (chỉ tiêu / nhiệm vụ) and group. */
function sections(items: FormItem[]): Section[] {
  const out: Section[] = [];
  for (const item of items) {
    const key = item.section ?? '';
    let section = out.find((s) => s.key === key);
    if (!section) {
      section = { key, title: item.sectionTitle ?? '', groups: [] };
      out.push(section);
    }
    const groupTitle = (item.groups ?? []).join(' › ');
    let group = section.groups[section.groups.length - 1];
    if (!group || group.title !== groupTitle) {
      group = { title: groupTitle, items: [] };
      section.groups.push(group);
    }
    group.items.push(item);
  }
  return out;
}

function fromServer(item: FormItem): ValueInput {
  const v = item.value;
  return {
    item: item.key ?? '',
    number: v?.number == null ? undefined : Number(v.number),
    status: v?.status ?? undefined,
    note: v?.note ?? undefined,
    evidence: v?.evidence ?? [],
  };
}

/** Data entry: a unit's values for one period, saved as a draft, then submitted for review. */
export function EntryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const { plan, plans } = usePlan(params.get('plan'));
  const periods = usePeriods(plan?.code);
  const period = params.get('period') ?? defaultPeriod(periods.data?.items ?? []);
  const unit = params.get('unit') ?? me.data?.orgUnitCode ?? undefined;

  if (plans.isPending || me.isPending || periods.isPending) return <PageLoading />;
  if (plans.error || periods.error) {
    return <QueryError error={plans.error ?? periods.error} onRetry={() => void plans.refetch()} />;
  }
  if (!plan?.code) return <Empty description={t('plan.noPlan')} />;

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center">
        <PeriodSelect
          periods={periods.data?.items ?? []}
          value={period}
          onChange={(code) => setParam('period', code)}
        />
      </Flex>
      {period && unit ? (
        <ReportEditor
          key={`${plan.code}.${period}.${unit}`}
          formKey={{ plan: plan.code, period, unit }}
        />
      ) : null}
    </Flex>
  );
}

/** The report of one plan, period and unit; its unsaved edits live as long as it does. */
function ReportEditor({ formKey }: { formKey: { plan: string; period: string; unit: string } }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const form = useReportForm(formKey);
  const save = useSaveReport();
  const transition = useReportTransition();
  // Unsaved values of this plan, period and unit come back from the phone's storage.
  const [edits, setEdits] = useState<Edits>(() =>
    loadEdits(formKey.plan, formKey.period, formKey.unit),
  );
  const [restored, setRestored] = useState(() => Object.keys(edits).length);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const pendingKey = useRef<{ body: string; key: string } | undefined>(undefined);

  const data = form.data;
  const submission = data?.submission ?? undefined;
  const editable = Boolean(data?.canEdit);
  const grouped = useMemo(() => sections(data?.items ?? []), [data?.items]);
  const dirty = Object.keys(edits).length > 0;
  const saved = useMemo(
    () => new Map((data?.items ?? []).map((item) => [item.key!, fromServer(item)])),
    [data?.items],
  );
  const filled = [...saved].filter(([key, savedValue]) => {
    const v = edits[key] ?? savedValue;
    return v.number != null || Boolean(v.status);
  }).length;
  const onChange = useCallback(
    (value: ValueInput) => {
      setEdits((current) => {
        const next = { ...current, [value.item!]: value };
        // Changed back to what is saved: nothing left to save for this item.
        if (sameValue(value, saved.get(value.item!))) delete next[value.item!];
        storeEdits(formKey.plan, formKey.period, formKey.unit, next);
        return next;
      });
    },
    [formKey.plan, formKey.period, formKey.unit, saved],
  );

  /** One key per set of edits: a retry of the same edits is the same request to the server. */
  function keyFor(body: unknown) {
    const json = JSON.stringify(body);
    if (pendingKey.current?.body !== json) {
      pendingKey.current = { body: json, key: newIdempotencyKey() };
    }
    return pendingKey.current.key;
  }

  function explain(error: unknown, sent: ValueInput[]) {
    if (error instanceof ApiError) {
      if (error.status === 412) {
        setProblem(t('error.stale'));
        void form.refetch();
        return;
      }
      setErrors(fieldErrorsByItem(error.problem.errors, sent));
      setProblem(error.problem.detail ?? t('error.generic'));
    } else if (isTransient(error)) {
      setProblem(t('reports.offlineKept'));
    } else {
      setProblem(t('error.generic'));
    }
  }

  type Ref = { id: number; version: number };

  /**
   * Saves the edits: creates the report on the first save, else sends If-Match. When the first
   * save already reached the server from an earlier attempt (another tab, a reload after a lost
   * answer), the server says the report exists: the edits are then saved onto it.
   */
  async function saveDraft(
    current: Ref | undefined = submission
      ? { id: submission.id!, version: submission.version! }
      : undefined,
    again = false,
  ): Promise<Ref | undefined> {
    if (!data) return undefined;
    const values = Object.values(edits);
    const body = { ...formKey, submission: current?.id, version: current?.version, values };
    setErrors({});
    setProblem(undefined);
    try {
      const saved = await save.mutateAsync({
        key: keyFor(body),
        plan: formKey.plan,
        period: formKey.period,
        unit: formKey.unit,
        submission: current,
        values,
      });
      pendingKey.current = undefined;
      setEdits({});
      setRestored(0);
      storeEdits(formKey.plan, formKey.period, formKey.unit, {});
      void message.success(t('reports.saved'));
      return { id: saved.id!, version: saved.version! };
    } catch (error) {
      if (!current && !again && error instanceof ApiError && error.status === 409) {
        const existing = (await form.refetch()).data?.submission;
        if (existing?.id !== undefined && existing.version !== undefined) {
          return saveDraft({ id: existing.id, version: existing.version }, true);
        }
      }
      explain(error, values);
      return undefined;
    }
  }

  async function submit() {
    let target = submission ? { id: submission.id!, version: submission.version! } : undefined;
    if (dirty || !target) {
      target = await saveDraft();
      if (!target) return;
    }
    try {
      await transition.mutateAsync({ key: newIdempotencyKey(), ...target, action: 'submit' });
      void message.success(t('reports.submitted'));
    } catch (error) {
      explain(error, []);
    }
  }

  if (form.isPending) return <PageLoading />;
  if (form.error) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;

  return (
    <Flex vertical gap={16}>
      {data ? (
        // The state and the buttons stay in view while a long report is scrolled on a phone.
        <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5 }}>
          <Flex vertical gap={4}>
            <Flex wrap gap={8} align="center" justify="space-between">
              <Space wrap>
                <Typography.Text strong>{data.unitName}</Typography.Text>
                <StateBadge state={submission?.state ?? 'none'} />
                {data.period?.state === 'closed' ? (
                  <Typography.Text type="secondary">{t('reports.period.closed')}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {t('reports.period.openUntil', {
                      date: formatDate(data.period?.dueOn ?? '', intlLocale(i18n.language)),
                    })}
                  </Typography.Text>
                )}
              </Space>
              <Space wrap>
                {submission ? (
                  <Link to={`/bao-cao/${submission.id}/lich-su`}>{t('reports.history')}</Link>
                ) : null}
                {editable ? (
                  <>
                    <Button
                      onClick={() => void saveDraft()}
                      loading={save.isPending}
                      disabled={!dirty}
                    >
                      {t('reports.saveDraft')}
                    </Button>
                    <Popconfirm
                      title={t('reports.submitConfirm')}
                      okText={t('reports.submit')}
                      cancelText={t('app.close')}
                      onConfirm={() => void submit()}
                    >
                      <Button type="primary" loading={transition.isPending}>
                        {t('reports.submit')}
                      </Button>
                    </Popconfirm>
                  </>
                ) : null}
              </Space>
            </Flex>
            <Typography.Text type="secondary" data-testid="filled-count">
              {t('reports.filled', { filled, total: data.items?.length ?? 0 })}
              {dirty && editable ? (
                <Typography.Text type="warning"> · {t('reports.unsaved')}</Typography.Text>
              ) : null}
            </Typography.Text>
          </Flex>
        </Card>
      ) : null}
      {data ? (
        <Flex vertical gap={8}>
          {submission?.state === 'returned' && submission.returnReason ? (
            <Alert
              type="warning"
              showIcon
              message={t('reports.returnedBecause')}
              description={submission.returnReason}
              data-testid="return-reason"
            />
          ) : null}
          {restored > 0 && dirty ? (
            <Alert
              type="info"
              showIcon
              message={t('reports.restored', { count: restored })}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    setEdits({});
                    setRestored(0);
                    storeEdits(formKey.plan, formKey.period, formKey.unit, {});
                  }}
                >
                  {t('reports.discard')}
                </Button>
              }
            />
          ) : null}
          {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
          {!editable && submission?.state === 'submitted' ? (
            <Typography.Text type="secondary">{t('reports.waitingReview')}</Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {grouped.length === 0 ? <Empty description={t('reports.nothingApplies')} /> : null}
      {grouped.map((section) => (
        <Card
          key={section.key}
          title={`${section.key}. ${section.title}`}
          size="small"
          styles={{ header: { whiteSpace: 'normal' } }}
        >
          {section.groups.map((group) => (
            <div key={group.title}>
              {group.title ? (
                <Typography.Title level={4} style={{ fontSize: 15, marginTop: 12 }}>
                  {group.title}
                </Typography.Title>
              ) : null}
              {group.items.map((item) => (
                <ItemRow
                  key={`${item.key}-${submission?.version ?? 'new'}`}
                  item={item}
                  value={edits[item.key!] ?? saved.get(item.key!)!}
                  editable={editable}
                  error={errors[item.key!]}
                  historyOf={submission?.id}
                  onChange={onChange}
                />
              ))}
            </div>
          ))}
        </Card>
      ))}
    </Flex>
  );
}
