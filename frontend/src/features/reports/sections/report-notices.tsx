import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import { useOnline } from '@/lib/online';
import type { FlaggedValue } from '../api/flags';
import type { FormItem, useReportForm } from '../api/submissions';
import { reasonPieces } from '../components/report-sections';

type Form = NonNullable<ReturnType<typeof useReportForm>['data']>;

type Props = {
  data: Form;
  items: FormItem[];
  editable: boolean;
  dirty: boolean;
  /** How many edits wait on the device for a signal, and since when. */
  waiting: { count: number; at: string } | undefined;
  /** The values the reviewer found unusual, by item. */
  flagged: Map<string | undefined, FlaggedValue>;
  /** How many unsaved values came back from the device's storage. */
  restored: number;
  onDiscard: () => void;
  problemCount: number;
  /** What the last save or submit was refused for. */
  problem: string | undefined;
  onJump: (key: string) => void;
};

/**
 * What the unit should know before typing: no signal, edits waiting to be sent, why the report
 * came back (each item named a link to it), the figures the reviewer found unusual, values
 * restored from the device, numbers that cannot be taken, a refusal.
 */
export function ReportNotices(props: Props) {
  const { data, items, editable, dirty, waiting, flagged, restored, problemCount, onJump } = props;
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const submission = data.submission ?? undefined;
  const time = (d: Date) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  return (
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
            count: waiting.count,
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
                    onClick={() => onJump(piece.item)}
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
                  onClick={() => onJump(v.item!)}
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
            // what was waiting to be sent is discarded with them
            <Button size="small" onClick={props.onDiscard}>
              {t('reports.discard')}
            </Button>
          }
        />
      ) : null}
      {problemCount > 0 ? (
        <Alert type="error" showIcon message={t('reports.fixNumbers', { count: problemCount })} />
      ) : null}
      {props.problem ? <Alert type="error" showIcon message={props.problem} role="alert" /> : null}
      {!editable && submission?.state === 'submitted' ? (
        <Typography.Text type="secondary">{t('reports.waitingReview')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
