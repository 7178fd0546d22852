import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { newIdempotencyKey } from '@/lib/api/retry';
import { formatDateTime, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useCheckFlag, type FigureCheck, type FlaggedValue } from '../api/flags';
import { ReasonModal } from './reason-modal';

/**
 * Why a reported number looks wrong ("gấp 12 lần năm trước (40)"), and the reviewer's check: its
 * note, or a button to make one. A check made on another value than today's is shown as such: the
 * flag is open again.
 */
export function ValueFlags({
  value,
  submission,
  canCheck,
}: {
  value: FlaggedValue;
  submission: { id: number; version: number };
  canCheck: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const check = useCheckFlag();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const english = i18n.language.startsWith('en');
  const reasons = (value.flags ?? []).map((f) => (english ? f.reasonEn : f.reason)).join('; ');
  const checked = value.check;

  async function mark(note: string) {
    setProblem(undefined);
    try {
      await check.mutateAsync({
        key: newIdempotencyKey(),
        id: submission.id,
        version: submission.version,
        item: value.item!,
        note,
      });
      setAsking(false);
      void message.success(t('flags.checked'));
    } catch (error) {
      setAsking(false);
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('error.stale')
          : error instanceof ApiError
            ? (error.problem.detail ?? t('error.generic'))
            : t('error.offline'),
      );
    }
  }

  return (
    <Flex vertical gap={4} data-testid={`flag-${value.item}`}>
      <Alert
        type={checked?.holds ? 'success' : 'warning'}
        showIcon
        message={`${t('flags.unusual')}: ${reasons}`}
        description={checked ? <CheckText check={checked} /> : undefined}
        action={
          canCheck && !checked?.holds ? (
            <Button size="small" onClick={() => setAsking(true)} loading={check.isPending}>
              {t('flags.markChecked')}
            </Button>
          ) : undefined
        }
      />
      {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
      <ReasonModal
        open={asking}
        title={t('flags.markChecked')}
        label={t('flags.note')}
        loading={check.isPending}
        onCancel={() => setAsking(false)}
        onOk={(note) => void mark(note)}
      />
    </Flex>
  );
}

/** A reviewer's check in words: by whom and when, or made on another value; and its note. */
export function CheckText({ check }: { check: FigureCheck }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (
    <span>
      {check.holds
        ? t('flags.checkedBy', {
            by: check.checkedBy ?? '',
            at: check.checkedAt ? formatDateTime(check.checkedAt, locale) : '',
          })
        : t('flags.checkedOther', {
            value: check.number != null ? formatNumber(Number(check.number), locale) : '',
          })}
      {check.note ? (
        <>
          {' '}
          <Typography.Text italic>“{check.note}”</Typography.Text>
        </>
      ) : null}
    </span>
  );
}
