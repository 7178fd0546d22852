import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { useSelection } from '@/lib/selection';
import { ApiError } from '@/lib/api/client';
import { usePlan } from '@/lib/api/plans';
import { newIdempotencyKey } from '@/lib/api/retry';
import { formatDate, formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  useDownloadScores,
  useEnterManual,
  useScores,
  type ClusterScores,
  type UnitScore,
} from '../api/emulation';
import { SettingsCard } from '../components/settings-card';

/**
 * Thi đua: each cluster's units ranked by their score of a year or of the whole term, each score
 * broken down by line of the table, reports on time and the manual part; downloads for the
 * emulation council; the manual part entered by the cluster's leader; the clusters and the table
 * below, changed by the province's planner.
 */
export function EmulationPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const { plan } = usePlan(get('plan'));
  const years = plan?.years ?? [];
  const year = get('year') === 'term' ? undefined : Number(get('year')) || undefined;
  const shownYear = year ?? (get('year') === 'term' ? undefined : defaultYear(years));
  const scores = useScores(plan?.code, shownYear);
  const download = useDownloadScores();

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('emulation.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('emulation.help')}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center">
        <label htmlFor="emulation-year">{t('emulation.when')}</label>
        <Select
          id="emulation-year"
          className="tap"
          style={{ minWidth: 150 }}
          value={shownYear ?? 'term'}
          onChange={(v) => select({ year: v })}
          options={[
            ...years.map((y) => ({ value: y, label: String(y) })),
            { value: 'term', label: t('emulation.term') },
          ]}
        />
        {plan?.code
          ? (['xlsx', 'docx'] as const).map((format) => (
              <Button
                key={format}
                className="tap"
                loading={download.isPending && download.variables?.format === format}
                onClick={() => download.mutate({ plan: plan.code!, year: shownYear, format })}
              >
                {t(`emulation.download.${format}`)}
              </Button>
            ))
          : null}
      </Flex>
      {scores.error ? (
        <QueryError error={scores.error} onRetry={() => void scores.refetch()} />
      ) : null}
      {scores.data && (scores.data.clusters ?? []).length === 0 ? (
        <Empty description={t('emulation.noClusters')} />
      ) : null}
      {(scores.data?.clusters ?? []).map((c) => (
        <ClusterCard key={c.code} cluster={c} plan={plan!.code!} year={shownYear} />
      ))}
      {plan?.code ? <SettingsCard plan={plan.code} owner={plan.ownerUnitCode} /> : null}
    </Flex>
  );
}

function defaultYear(years: number[]): number | undefined {
  const now = new Date().getFullYear();
  // the last year whose reports are in: last year while this one is running
  return years.includes(now - 1) ? now - 1 : years[years.length - 1];
}

function ClusterCard({
  cluster,
  plan,
  year,
}: {
  cluster: ClusterScores;
  plan: string;
  year: number | undefined;
}) {
  const { t } = useTranslation();
  const [manual, setManual] = useState<UnitScore>();
  const leader = cluster.units?.find((u) => u.unitCode === cluster.leaderUnit);
  return (
    <Card size="small" title={<span data-testid={`cluster-${cluster.code}`}>{cluster.name}</span>}>
      {leader ? (
        <Typography.Paragraph type="secondary" data-testid={`leader-${cluster.code}`}>
          {t('emulation.leader', { name: leader.unitName })}
        </Typography.Paragraph>
      ) : null}
      <Collapse
        items={(cluster.units ?? []).map((u) => ({
          key: u.unitCode!,
          label: <UnitLine unit={u} />,
          children: (
            <Breakdown
              unit={u}
              onManual={cluster.canEnterManual && year ? () => setManual(u) : undefined}
            />
          ),
        }))}
      />
      {manual && year ? (
        <ManualModal plan={plan} year={year} unit={manual} onClose={() => setManual(undefined)} />
      ) : null}
    </Card>
  );
}

function UnitLine({ unit }: { unit: UnitScore }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (
    <Flex
      wrap
      gap={8}
      justify="space-between"
      align="baseline"
      data-testid={`score-${unit.unitCode}`}
    >
      <span>
        <Typography.Text strong>{t('emulation.rank', { rank: unit.rank })}</Typography.Text>{' '}
        {unit.unitName}
        {(unit.tiedWith ?? []).length ? (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t('emulation.tied', { names: unit.tiedWith!.join(', ') })}
          </Typography.Text>
        ) : null}
      </span>
      <Typography.Text strong>
        {t('emulation.points', { points: formatNumber(Number(unit.total), locale) })}
      </Typography.Text>
    </Flex>
  );
}

function Breakdown({ unit, onManual }: { unit: UnitScore; onManual?: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const n = (v: number | string | undefined) => formatNumber(Number(v ?? 0), locale);
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t('emulation.parts', {
          lines: n(unit.linesTotal),
          onTime: n(unit.onTimeTotal),
          manual: n(unit.manualTotal),
        })}
      </Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {(unit.lines ?? []).map((l) => (
          <li key={l.item}>
            {l.code ? `${l.code}. ` : ''}
            {l.title}: <Typography.Text strong>{n(l.score)}</Typography.Text>/{n(l.max)}
            {l.ratio != null ? ` (${n(l.ratio)} %)` : ''}
            {Number(l.bonus) > 0 ? ` · ${t('emulation.bonus', { points: n(l.bonus) })}` : ''}
            {l.note ? ` · ${l.note}` : ''}
          </li>
        ))}
      </ul>
      <Typography.Text strong>{t('emulation.onTime')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {(unit.periods ?? []).map((p) => (
          <li key={p.period}>
            {p.period} ({t('emulation.due', { day: formatDate(p.dueOn ?? '', locale) })}):{' '}
            {p.onTime
              ? t('emulation.sentOnTime', { points: n(p.points) })
              : p.firstSubmittedAt
                ? t('emulation.sentLate', { day: formatDate(p.firstSubmittedAt, locale) })
                : t('emulation.notSent')}
          </li>
        ))}
      </ul>
      {(unit.manual ?? []).map((m) => (
        <Typography.Text key={m.year}>
          {t('emulation.manualLine', {
            year: m.year,
            points: n(m.points),
            by: m.enteredBy ?? '',
            reason: m.reason ?? '',
          })}
        </Typography.Text>
      ))}
      {onManual ? (
        <Button className="tap" style={{ alignSelf: 'flex-start' }} onClick={onManual}>
          {t('emulation.enterManual')}
        </Button>
      ) : null}
    </Flex>
  );
}

function ManualModal({
  plan,
  year,
  unit,
  onClose,
}: {
  plan: string;
  year: number;
  unit: UnitScore;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const enter = useEnterManual();
  const current = unit.manual?.find((m) => m.year === year);
  const [points, setPoints] = useState<number | null>(
    current?.points != null ? Number(current.points) : null,
  );
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const missing = points == null || reason.trim() === '';
  return (
    <Modal
      open
      title={t('emulation.enterManualFor', { name: unit.unitName, year })}
      okText={t('emulation.save')}
      cancelText={t('app.close')}
      confirmLoading={enter.isPending}
      okButtonProps={{ disabled: missing }}
      onCancel={onClose}
      onOk={async () => {
        setProblem(undefined);
        try {
          await enter.mutateAsync({
            key: newIdempotencyKey(),
            plan,
            unitCode: unit.unitCode!,
            year,
            points: points!,
            reason: reason.trim(),
          });
          void message.success(t('emulation.saved'));
          onClose();
        } catch (error) {
          setProblem(
            error instanceof ApiError
              ? [error.problem.detail, ...(error.problem.errors ?? []).map((e) => e.message)]
                  .filter(Boolean)
                  .join(' · ')
              : t('error.offline'),
          );
        }
      }}
    >
      <Flex vertical gap={8}>
        {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
        <label htmlFor="manual-points">{t('emulation.manualPoints')}</label>
        <InputNumber
          id="manual-points"
          min={0}
          max={1000}
          step={0.5}
          decimalSeparator=","
          value={points}
          onChange={(v) => setPoints(v)}
        />
        <label htmlFor="manual-reason">{t('emulation.reason')}</label>
        <Input.TextArea
          id="manual-reason"
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Flex>
    </Modal>
  );
}
