import {
  Alert,
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
import { useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlanPeriods } from '@/lib/api/shared-reads';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import { formatDate } from '@/lib/format';
import { useOnline } from '@/lib/online';
import { offlineUser } from '@/lib/offline-user';
import { intlLocale } from '@/lib/i18n';
import { useReportForm, type FormItem } from '../api/submissions';
import { ItemRow } from '../components/item-row';
import { isFilled, reasonPieces, sections } from '../components/report-sections';
import { defaultPeriod, PeriodSelect } from '../components/period-select';
import { StateBadge } from '../components/state-badge';
import { ValueFlags } from '../components/value-flags';
import { useReportFlags } from '../api/flags';
import { useReportDraft } from '../hooks/use-report-draft';
import { useReportSave } from '../hooks/use-report-save';

/** A stable name for a group in tests and links: "I-2" for chỉ tiêu 2, "II-1.1" for a task group. */
function groupId(group: { key: string; full: string }): string {
  const [section = ''] = group.key.split('|');
  const code = /^([\d.]+?)\.?\s/.exec(group.full)?.[1];
  return code ? `${section}-${code}` : group.key;
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
  const online = useOnline();
  const form = useReportForm(formKey);
  // drafts on the device belong to the signed-in user only
  const owner = useAuth().user?.profile.sub ?? offlineUser()?.sub ?? 'anonymous';
  // Groups start closed: the page is a list of headings with counters until one is opened.
  const [open, setOpen] = useState<string[]>([]);
  // "Only items not yet entered": the set is taken when switched on, so a row being typed into
  // does not vanish under the finger.
  const [onlyEmpty, setOnlyEmpty] = useState<Set<string>>();
  const [confirming, setConfirming] = useState(false);
  const lastJump = useRef(-1);

  const data = form.data;
  const items = useMemo(() => data?.items ?? [], [data?.items]);
  // Unsaved values of this plan, period and unit come back from the phone's storage; a save made
  // with no signal waits there with its key until it has gone.
  const draft = useReportDraft({ owner, ...formKey }, items);
  const { edits, valueOf, dirty, restored, problemCount, waiting } = draft;
  const { saveDraft, submit, errors, problem, sentAt, saving, submitting } = useReportSave(
    formKey,
    form,
    draft,
  );
  const submission = data?.submission ?? undefined;
  // after a return, the unit sees which figures the reviewer found unusual and the notes
  const flags = useReportFlags(submission?.state === 'returned' ? submission.id : undefined);
  const flagged = new Map((flags.data?.values ?? []).map((v) => [v.item, v]));
  const editable = Boolean(data?.canEdit);
  const grouped = useMemo(() => sections(items), [items]);
  const emptyKeys = items.filter((i) => !isFilled(valueOf(i.key!))).map((i) => i.key!);
  const filled = items.length - emptyKeys.length;
  const onChange = draft.edit;
  const onProblem = draft.problem;

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
                      loading={saving}
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
                      <Button type="primary" loading={submitting} disabled={problemCount > 0}>
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
                  // what was waiting to be sent is discarded with them
                  onClick={draft.clear}
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
