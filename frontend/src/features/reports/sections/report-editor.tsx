import { Empty, Flex } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { offlineUser } from '@/lib/offline-user';
import { useReportFlags } from '../api/flags';
import { useReportForm, type FormItem } from '../api/submissions';
import { isFilled, sections } from '../components/report-sections';
import { useReportDraft } from '../hooks/use-report-draft';
import { useReportSave } from '../hooks/use-report-save';
import { ReportBar } from './report-bar';
import { ReportGroups } from './report-groups';
import { ReportNotices } from './report-notices';

/** The report of one plan, period and unit; its unsaved edits live as long as it does. */
export function ReportEditor({
  formKey,
}: {
  formKey: { plan: string; period: string; unit: string };
}) {
  const { t } = useTranslation();
  const form = useReportForm(formKey);
  // drafts on the device belong to the signed-in user only
  const owner = useAuth().user?.profile.sub ?? offlineUser()?.sub ?? 'anonymous';
  // Groups start closed: the page is a list of headings with counters until one is opened.
  const [open, setOpen] = useState<string[]>([]);
  // "Only items not yet entered": the set is taken when switched on, so a row being typed into
  // does not vanish under the finger.
  const [onlyEmpty, setOnlyEmpty] = useState<Set<string>>();
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

  const shown = (item: FormItem) => !onlyEmpty || onlyEmpty.has(item.key!);

  return (
    <Flex vertical gap={16}>
      {data ? (
        <ReportBar
          data={data}
          editable={editable}
          dirty={dirty}
          problemCount={problemCount}
          saving={saving}
          submitting={submitting}
          onSave={() => void saveDraft()}
          onSubmit={() => void submit()}
          emptyKeys={emptyKeys}
          total={items.length}
          sentAt={sentAt}
          onlyEmpty={Boolean(onlyEmpty)}
          onOnlyEmpty={(on) => {
            setOnlyEmpty(on ? new Set(emptyKeys) : undefined);
            if (on) setOpen(grouped.flatMap((s) => s.groups).map((g) => g.key));
          }}
          onJump={jumpTo}
          onNextEmpty={nextEmpty}
        />
      ) : null}
      {data ? (
        <ReportNotices
          data={data}
          items={items}
          editable={editable}
          dirty={dirty}
          waiting={waiting && { count: Object.keys(edits).length, at: waiting.at }}
          flagged={flagged}
          restored={restored}
          onDiscard={draft.clear}
          problemCount={problemCount}
          problem={problem}
          onJump={jumpTo}
        />
      ) : null}
      {grouped.length === 0 ? <Empty description={t('reports.nothingApplies')} /> : null}
      <ReportGroups
        grouped={grouped}
        open={open}
        onOpen={setOpen}
        shown={shown}
        draft={draft}
        editable={editable}
        errors={errors}
        submission={submission}
        flagged={flagged}
        flags={flags.data}
      />
    </Flex>
  );
}
