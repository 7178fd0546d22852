import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlanPeriods } from '@/lib/api/shared-reads';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { isTransient, newIdempotencyKey } from '@/lib/api/retry';
import { formatDate, formatNumber } from '@/lib/format';
import { isOnline, useOnline } from '@/lib/online';
import { offlineUser } from '@/lib/offline-user';
import { intlLocale } from '@/lib/i18n';
import {
  fieldErrorsByItem,
  loadEdits,
  loadQueued,
  sameValue,
  storeEdits,
  storeQueued,
  type Edits,
  type Queued,
} from '../api/local-draft';
import {
  useReportForm,
  useSaveReport,
  useReportTransition,
  type FormItem,
  type ValueInput,
} from '../api/submissions';
import { ItemRow } from '../components/item-row';
import { isFilled, reasonPieces, sections } from '../components/report-sections';
import { defaultPeriod, PeriodSelect } from '../components/period-select';
import { StateBadge } from '../components/state-badge';
import { ValueFlags } from '../components/value-flags';
import { useReportFlags } from '../api/flags';

/** A stable name for a group in tests and links: "I-2" for chỉ tiêu 2, "II-1.1" for a task group. */
function groupId(group: { key: string; full: string }): string {
  const [section = ''] = group.key.split('|');
  const code = /^([\d.]+?)\.?\s/.exec(group.full)?.[1];
  return code ? `${section}-${code}` : group.key;
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
  const { get, select } = useSelection();
  const me = useMe();
  const { plan, plans } = usePlan(get('plan'));
  const periods = usePlanPeriods(plan?.code);
  const period = get('period') ?? defaultPeriod(periods.data?.items ?? []);
  const unit = get('unit') ?? me.data?.orgUnitCode ?? undefined;

  if (plans.isPending || me.isPending || periods.isPending) return <PageLoading />;
  if (plans.error || periods.error) {
    return <QueryError error={plans.error ?? periods.error} onRetry={() => void plans.refetch()} />;
  }
  if (!plan?.code) return <Empty description={t('plan.noPlan')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Flex vertical gap={4}>
        <PeriodSelect
          periods={periods.data?.items ?? []}
          value={period}
          onChange={(code) => select({ period: code })}
        />
        {/^\d{4}(-H\d)?$/.test(period ?? '') ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('reports.period.relation', { year: period!.slice(0, 4) })}
          </Typography.Text>
        ) : null}
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
  const online = useOnline();
  const form = useReportForm(formKey);
  // drafts on the device belong to the signed-in user only
  const owner = useAuth().user?.profile.sub ?? offlineUser()?.sub ?? 'anonymous';
  const save = useSaveReport();
  const transition = useReportTransition();
  // Unsaved values of this plan, period and unit come back from the phone's storage.
  const [edits, setEdits] = useState<Edits>(() =>
    loadEdits(owner, formKey.plan, formKey.period, formKey.unit),
  );
  const [restored, setRestored] = useState(() => Object.keys(edits).length);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Numbers typed that cannot be taken yet ("2.5" in Vietnamese, a rate over 100), by item.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [sentAt, setSentAt] = useState<Date>();
  // Groups start closed: the page is a list of headings with counters until one is opened.
  const [open, setOpen] = useState<string[]>([]);
  // "Only items not yet entered": the set is taken when switched on, so a row being typed into
  // does not vanish under the finger.
  const [onlyEmpty, setOnlyEmpty] = useState<Set<string>>();
  const [confirming, setConfirming] = useState(false);
  const lastJump = useRef(-1);
  // A save made with no signal waits here (and on the device) with its key until it has gone.
  const [waiting, setWaiting] = useState<Queued | undefined>(() =>
    loadQueued(owner, formKey.plan, formKey.period, formKey.unit),
  );
  const pendingKey = useRef<{ body: string; key: string } | undefined>(
    waiting ? { body: waiting.body, key: waiting.key } : undefined,
  );

  const data = form.data;
  const submission = data?.submission ?? undefined;
  // after a return, the unit sees which figures the reviewer found unusual and the notes
  const flags = useReportFlags(submission?.state === 'returned' ? submission.id : undefined);
  const flagged = new Map((flags.data?.values ?? []).map((v) => [v.item, v]));
  const editable = Boolean(data?.canEdit);
  const items = useMemo(() => data?.items ?? [], [data?.items]);
  const grouped = useMemo(() => sections(items), [items]);
  const dirty = Object.keys(edits).length > 0;
  const saved = useMemo(() => new Map(items.map((item) => [item.key!, fromServer(item)])), [items]);
  const valueOf = (key: string) => edits[key] ?? saved.get(key);
  const emptyKeys = items.filter((i) => !isFilled(valueOf(i.key!))).map((i) => i.key!);
  const filled = items.length - emptyKeys.length;
  const problemCount = Object.keys(problems).length;
  const onChange = useCallback(
    (value: ValueInput) => {
      setEdits((current) => {
        const next = { ...current, [value.item!]: value };
        // Changed back to what is saved: nothing left to save for this item.
        if (sameValue(value, saved.get(value.item!))) delete next[value.item!];
        storeEdits(owner, formKey.plan, formKey.period, formKey.unit, next);
        return next;
      });
    },
    [owner, formKey.plan, formKey.period, formKey.unit, saved],
  );
  const onProblem = useCallback((item: string, text: string | undefined) => {
    setProblems((current) => {
      if (current[item] === text) return current;
      const next = { ...current };
      if (text) next[item] = text;
      else delete next[item];
      return next;
    });
  }, []);

  /** Opens the group of an item, scrolls to it and puts the cursor in it. */
  function jumpTo(key: string) {
    const group = grouped.flatMap((s) => s.groups).find((g) => g.items.some((i) => i.key === key));
    if (group && !open.includes(group.key)) setOpen([...open, group.key]);
    lastJump.current = items.findIndex((i) => i.key === key);
    window.setTimeout(() => {
      document.getElementById(`row-${key}`)?.scrollIntoView({ block: 'start' });
      // the number field itself, or the first status button of an activity
      const field = document.getElementById(`item-${key}`);
      const target = field?.matches('input, textarea') ? field : field?.querySelector('input');
      target?.focus({ preventScroll: true });
    }, 60);
  }

  /** The next item not yet entered after the last one jumped to, round to the first. */
  function nextEmpty() {
    const order = items.map((i) => i.key!);
    const after = order.slice(lastJump.current + 1).find((k) => emptyKeys.includes(k));
    const key = after ?? emptyKeys[0];
    if (key) jumpTo(key);
  }

  /** A value as the row shows it: "1.500", "Đã thực hiện", or a dash when empty. */
  function describe(v: ValueInput) {
    if (v.number != null) return formatNumber(v.number, intlLocale(i18n.language));
    if (v.status) return t(`reports.status.${v.status}`);
    return '–';
  }

  /** Keeps a save that could not go with its key, to send when the connection returns. */
  function enqueue(body: unknown) {
    const key = keyFor(body);
    const queued = { key, body: JSON.stringify(body), at: new Date().toISOString() };
    storeQueued(owner, formKey.plan, formKey.period, formKey.unit, queued);
    setWaiting(queued);
  }

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
        // Someone changed the report meanwhile: both versions shown, item by item, nothing
        // overwritten; a save that waited is not sent again by itself (the user decides).
        setProblem(t('reports.conflict'));
        storeQueued(owner, formKey.plan, formKey.period, formKey.unit, undefined);
        setWaiting(undefined);
        void form.refetch().then((fresh) => {
          const now = new Map((fresh.data?.items ?? []).map((i) => [i.key!, fromServer(i)]));
          const both: Record<string, string> = {};
          for (const mine of sent) {
            const theirs = now.get(mine.item!);
            if (theirs && !sameValue(mine, theirs)) {
              both[mine.item!] = t('reports.conflictItem', { value: describe(theirs) });
            }
          }
          setErrors(both);
        });
        return;
      }
      setErrors(fieldErrorsByItem(error.problem.errors, sent));
      setProblem(error.problem.detail ?? t('error.generic'));
    } else if (isTransient(error)) {
      setProblem(t('reports.offlineKept'));
      if (sent.length > 0 && pendingKey.current) {
        const queued = { ...pendingKey.current, at: new Date().toISOString() };
        storeQueued(owner, formKey.plan, formKey.period, formKey.unit, queued);
        setWaiting(queued);
      }
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
    if (!isOnline()) {
      // Say it at once: nothing is sent, everything typed stays on this phone, and goes by
      // itself when the connection returns.
      enqueue(body);
      setProblem(undefined);
      return undefined;
    }
    setErrors({});
    setProblem(undefined);
    try {
      const result = await save.mutateAsync({
        key: keyFor(body),
        plan: formKey.plan,
        period: formKey.period,
        unit: formKey.unit,
        submission: current,
        values,
      });
      pendingKey.current = undefined;
      storeQueued(owner, formKey.plan, formKey.period, formKey.unit, undefined);
      setWaiting(undefined);
      setEdits({});
      setRestored(0);
      setSentAt(new Date());
      storeEdits(owner, formKey.plan, formKey.period, formKey.unit, {});
      void message.success(t('reports.saved'));
      return { id: result.id!, version: result.version! };
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

  // The connection is back: the save that waited goes by itself, once (its key makes a repeat
  // harmless). Nothing left to send (it went from another tab): nothing waits any more.
  const sending = useRef(false);
  useEffect(() => {
    if (!online || !waiting || !data || sending.current) return;
    if (Object.keys(edits).length === 0) {
      storeQueued(owner, formKey.plan, formKey.period, formKey.unit, undefined);
      return;
    }
    sending.current = true;
    void saveDraft().finally(() => {
      sending.current = false;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, waiting, data]);

  async function submit() {
    let target = submission ? { id: submission.id!, version: submission.version! } : undefined;
    if (dirty || !target) {
      target = await saveDraft();
      if (!target) return;
    }
    try {
      await transition.mutateAsync({ key: newIdempotencyKey(), ...target, action: 'submit' });
      setSentAt(new Date());
      void message.success(t('reports.submitted'));
    } catch (error) {
      explain(error, []);
    }
  }

  if (form.isPending) return <PageLoading />;
  if (form.error) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;

  const locale = intlLocale(i18n.language);
  const time = (d: Date) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  const shown = (item: FormItem) => !onlyEmpty || onlyEmpty.has(item.key!);

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
                {submission?.imported ? <Tag>{t('reports.past.imported')}</Tag> : null}
                {data.period?.state === 'closed' ? (
                  <Typography.Text type="secondary">{t('reports.period.closed')}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {t('reports.period.openUntil', {
                      date: formatDate(data.period?.dueOn ?? '', locale),
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
                      disabled={!dirty || problemCount > 0}
                    >
                      {t('reports.saveDraft')}
                    </Button>
                    <Popconfirm
                      open={confirming}
                      onOpenChange={(next) => setConfirming(next && problemCount === 0)}
                      title={
                        emptyKeys.length > 0
                          ? t('reports.submitIncomplete', {
                              count: emptyKeys.length,
                              total: items.length,
                            })
                          : t('reports.submitConfirm')
                      }
                      description={
                        emptyKeys.length > 0 ? (
                          <Button
                            type="link"
                            style={{ paddingInline: 0 }}
                            onClick={() => {
                              setConfirming(false);
                              if (emptyKeys[0]) jumpTo(emptyKeys[0]);
                            }}
                          >
                            {t('reports.toFirstEmpty')}
                          </Button>
                        ) : undefined
                      }
                      okText={
                        emptyKeys.length > 0 ? t('reports.submitAnyway') : t('reports.submit')
                      }
                      cancelText={t('app.close')}
                      onConfirm={() => void submit()}
                    >
                      <Button
                        type="primary"
                        loading={transition.isPending}
                        disabled={problemCount > 0}
                      >
                        {t('reports.submit')}
                      </Button>
                    </Popconfirm>
                  </>
                ) : null}
              </Space>
            </Flex>
            <Flex wrap gap={8} align="center" justify="space-between">
              <Typography.Text type="secondary" data-testid="filled-count">
                {t('reports.filled', { filled, total: items.length })}
                {dirty && editable ? (
                  <Typography.Text type="warning"> · {t('reports.unsaved')}</Typography.Text>
                ) : null}
                {sentAt && !dirty ? (
                  <Typography.Text type="success" data-testid="sent-at">
                    {' '}
                    · {t('reports.sentAt', { time: time(sentAt) })}
                  </Typography.Text>
                ) : null}
              </Typography.Text>
              {editable && items.length > 0 ? (
                <Space wrap>
                  <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                    <Switch
                      size="small"
                      checked={Boolean(onlyEmpty)}
                      onChange={(on) => {
                        setOnlyEmpty(on ? new Set(emptyKeys) : undefined);
                        if (on) setOpen(grouped.flatMap((s) => s.groups).map((g) => g.key));
                      }}
                    />
                    {t('reports.onlyEmpty')}
                  </label>
                  <Button className="tap" disabled={emptyKeys.length === 0} onClick={nextEmpty}>
                    {t('reports.nextEmpty')}
                  </Button>
                </Space>
              ) : null}
            </Flex>
          </Flex>
        </Card>
      ) : null}
      {data ? (
        <Flex vertical gap={8}>
          {!online ? (
            <Alert
              type="warning"
              showIcon
              role="status"
              data-testid="offline"
              message={t('reports.offlineBanner')}
            />
          ) : null}
          {waiting && dirty ? (
            <Alert
              type="info"
              showIcon
              role="status"
              data-testid="waiting"
              message={t('reports.waiting', {
                count: Object.keys(edits).length,
                time: time(new Date(waiting.at)),
              })}
            />
          ) : null}
          {submission?.state === 'returned' && submission.returnReason ? (
            <Alert
              type="warning"
              showIcon
              message={t('reports.returnedBecause')}
              description={
                <span>
                  {reasonPieces(submission.returnReason, items).map((piece, i) =>
                    'item' in piece ? (
                      <Button
                        key={i}
                        type="link"
                        style={{ padding: 0, height: 'auto' }}
                        onClick={() => jumpTo(piece.item)}
                      >
                        {piece.text}
                      </Button>
                    ) : (
                      <span key={i}>{piece.text}</span>
                    ),
                  )}
                </span>
              }
              data-testid="return-reason"
            />
          ) : null}
          {flagged.size ? (
            <Alert
              type="warning"
              showIcon
              data-testid="flags-summary"
              message={t('flags.forUnit', { count: flagged.size })}
              description={
                <Flex wrap gap={8}>
                  {[...flagged.values()].map((v) => (
                    <Button
                      key={v.item}
                      type="link"
                      style={{ padding: 0, height: 'auto' }}
                      onClick={() => jumpTo(v.item!)}
                    >
                      {t('flags.item', { code: v.code ?? v.item })}
                    </Button>
                  ))}
                </Flex>
              }
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
                    storeEdits(owner, formKey.plan, formKey.period, formKey.unit, {});
                    // what was waiting to be sent is discarded with them
                    storeQueued(owner, formKey.plan, formKey.period, formKey.unit, undefined);
                    setWaiting(undefined);
                  }}
                >
                  {t('reports.discard')}
                </Button>
              }
            />
          ) : null}
          {problemCount > 0 ? (
            <Alert
              type="error"
              showIcon
              message={t('reports.fixNumbers', { count: problemCount })}
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
        <Flex key={section.key} vertical gap={8}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {section.key}. {section.title}
          </Typography.Title>
          <Collapse
            activeKey={open}
            onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
            items={section.groups
              .filter((g) => g.items.some(shown))
              .map((group) => {
                const done = group.items.filter((i) => isFilled(valueOf(i.key!))).length;
                return {
                  key: group.key,
                  label: (
                    <Flex gap={8} align="baseline" justify="space-between">
                      <span title={group.full} data-testid={`group-${groupId(group)}`}>
                        {group.heading}
                      </span>
                      <Tag
                        color={done === group.items.length ? 'green' : undefined}
                        style={{ marginInlineEnd: 0, flexShrink: 0 }}
                        aria-label={t('reports.groupFilled', { done, total: group.items.length })}
                      >
                        {done}/{group.items.length}
                      </Tag>
                    </Flex>
                  ),
                  children: group.parts.map((part) => (
                    <div key={part.title || 'own'}>
                      {part.title ? (
                        <Typography.Title level={4} style={{ fontSize: 14, marginTop: 8 }}>
                          {part.title}
                        </Typography.Title>
                      ) : null}
                      {part.items.filter(shown).map((item) => (
                        <div
                          key={`${item.key}-${submission?.version ?? 'new'}`}
                          id={`row-${item.key}`}
                        >
                          <ItemRow
                            item={item}
                            value={valueOf(item.key!)!}
                            editable={editable}
                            error={errors[item.key!]}
                            historyOf={submission?.id}
                            onChange={onChange}
                            onProblem={onProblem}
                          />
                          {flagged.has(item.key) && flags.data ? (
                            <ValueFlags
                              value={flagged.get(item.key)!}
                              submission={{
                                id: flags.data.submission!,
                                version: flags.data.version!,
                              }}
                              canCheck={false}
                            />
                          ) : null}
                        </div>
                      ))}
                    </div>
                  )),
                };
              })}
          />
        </Flex>
      ))}
    </Flex>
  );
}
