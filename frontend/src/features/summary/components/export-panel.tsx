import { Alert, Button, Flex, Progress, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport, useExport, useStartExport } from '../api/summary';

type Props = { plan: string; unit: string; period: string; hasUnitsBelow: boolean };

/**
 * Progress as Excel, written in the background: the page stays usable, the bar shows how many
 * sheets are written, and the file downloads when it is ready.
 */
export function ExportPanel({ plan, unit, period, hasUnitsBelow }: Props) {
  const { t } = useTranslation();
  const [units, setUnits] = useState<'none' | 'children' | 'all'>('none');
  const [id, setId] = useState<string>();
  const start = useStartExport();
  const job = useExport(id);
  const fetched = useRef<string | undefined>(undefined);
  const state = job.data?.state;
  useEffect(() => {
    // the file comes down once, when the job is done
    if (job.data?.state === 'done' && fetched.current !== job.data.id) {
      fetched.current = job.data.id;
      void downloadExport(job.data);
    }
  }, [job.data]);
  const running = Boolean(id) && (state === 'queued' || state === 'running' || !state);
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        {hasUnitsBelow ? (
          <Select
            aria-label={t('summary.export.units')}
            style={{ minWidth: 220 }}
            value={units}
            onChange={setUnits}
            options={(['none', 'children', 'all'] as const).map((v) => ({
              value: v,
              label: t(`summary.export.unitsOption.${v}`),
            }))}
          />
        ) : null}
        <Button
          data-testid="export-xlsx"
          loading={start.isPending || running}
          onClick={() =>
            start.mutate(
              { plan, unit, period, units },
              { onSuccess: (created) => setId(created.id) },
            )
          }
        >
          {t('summary.export.start')}
        </Button>
        {state === 'done' && job.data ? (
          <Button type="link" onClick={() => void downloadExport(job.data!)}>
            {t('summary.export.again')}
          </Button>
        ) : null}
      </Flex>
      {id && job.data && state !== 'done' && state !== 'failed' ? (
        <Progress
          aria-label={t('summary.export.progress')}
          percent={job.data.total ? Math.round((100 * (job.data.done ?? 0)) / job.data.total) : 0}
          format={() =>
            t('summary.export.sheets', { done: job.data!.done, total: job.data!.total })
          }
        />
      ) : null}
      {state === 'failed' ? (
        <Alert type="error" showIcon message={t('summary.export.failed')} />
      ) : null}
      {start.error ? <Alert type="error" showIcon message={start.error.message} /> : null}
    </Flex>
  );
}
