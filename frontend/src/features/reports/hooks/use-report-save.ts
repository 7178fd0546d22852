import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { isTransient, newIdempotencyKey } from '@/lib/api/retry';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { isOnline, useOnline } from '@/lib/online';
import { fieldErrorsByItem } from '../api/local-draft';
import {
  useReportForm,
  useReportTransition,
  useSaveReport,
  type ValueInput,
} from '../api/submissions';
import { conflicts, type useReportDraft } from './use-report-draft';

/**
 * Sending a report: the draft saved (created on the first save, If-Match after; a first save that
 * already reached the server is saved onto the report it made), one Idempotency-Key per set of
 * edits so a retry is the same request, a save with no signal kept with its key and sent by itself
 * when the connection returns, then the submission. What went wrong comes back as one message and
 * a message per item (a conflict shows both values; nothing typed is lost).
 */
export function useReportSave(
  formKey: { plan: string; period: string; unit: string },
  form: ReturnType<typeof useReportForm>,
  draft: ReturnType<typeof useReportDraft>,
) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const online = useOnline();
  const save = useSaveReport();
  const transition = useReportTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [sentAt, setSentAt] = useState<Date>();
  const { edits, dirty, waiting, setWaiting } = draft;
  const pendingKey = useRef<{ body: string; key: string } | undefined>(
    waiting ? { body: waiting.body, key: waiting.key } : undefined,
  );
  const data = form.data;
  const submission = data?.submission ?? undefined;

  /** A value as the row shows it: "1.500", "Đã thực hiện", or a dash when empty. */
  function describe(v: ValueInput) {
    if (v.number != null) return formatNumber(v.number, intlLocale(i18n.language));
    if (v.status) return t(`reports.status.${v.status}`);
    return '–';
  }

  /** Keeps a save that could not go with its key, to send when the connection returns. */
  function enqueue(body: unknown) {
    const key = keyFor(body);
    setWaiting({ key, body: JSON.stringify(body), at: new Date().toISOString() });
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
        setWaiting(undefined);
        void form
          .refetch()
          .then((fresh) =>
            setErrors(
              conflicts(sent, fresh.data?.items ?? [], (theirs) =>
                t('reports.conflictItem', { value: describe(theirs) }),
              ),
            ),
          );
        return;
      }
      setErrors(fieldErrorsByItem(error.problem.errors, sent));
      setProblem(error.problem.detail ?? t('error.generic'));
    } else if (isTransient(error)) {
      setProblem(t('reports.offlineKept'));
      if (sent.length > 0 && pendingKey.current) {
        setWaiting({ ...pendingKey.current, at: new Date().toISOString() });
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
      draft.clear();
      setSentAt(new Date());
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
      setWaiting(undefined);
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

  return {
    saveDraft,
    submit,
    errors,
    problem,
    sentAt,
    saving: save.isPending,
    submitting: transition.isPending,
  };
}
