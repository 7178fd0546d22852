import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import {
  useEmulationSettings,
  useSaveClusters,
  useSaveScoring,
  type Cluster,
  type Scoring,
  type Settings,
} from '../api/emulation';

type Node = components['schemas']['OrgUnitNode'];

/** The units below a unit, flat, for choosing the members of a cluster. */
function useUnitsBelow(root: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'subtree', root],
    queryFn: async () =>
      (
        await api.GET('/api/v1/org-units/{code}/subtree', {
          params: { path: { code: root! } },
        })
      ).data!,
    enabled: Boolean(root),
    staleTime: 5 * 60_000,
    select: (tree) => {
      const out: { value: string; label: string }[] = [];
      const walk = (n: Node) => {
        (n.children ?? []).forEach((c) => {
          out.push({ value: c.code!, label: `${c.name} (${c.code})` });
          walk(c);
        });
      };
      walk(tree);
      return out;
    },
  });
}

function problemText(error: unknown, fallback: string) {
  return error instanceof ApiError
    ? [error.problem.detail, ...(error.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`)]
        .filter(Boolean)
        .join(' · ')
    : fallback;
}

/**
 * The plan's clusters and scoring table: read by all, changed by the province's planner
 * (If-Match each), with the history of changes.
 */
export function SettingsCard({ plan, owner }: { plan: string; owner?: string }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const settings = useEmulationSettings(plan);
  const data = settings.data;
  if (!data) return null;
  return (
    <Card size="small" title={t('emulation.settings')} data-testid="emulation-settings">
      <Collapse
        ghost
        items={[
          {
            key: 'clusters',
            label: t('emulation.clusters', { count: data.clusters?.length ?? 0 }),
            children: (
              <ClustersEditor
                plan={plan}
                owner={owner}
                settings={data}
                key={data.clustersVersion}
              />
            ),
          },
          {
            key: 'scoring',
            label: t('emulation.scoring'),
            children: <ScoringEditor plan={plan} settings={data} key={data.scoringVersion} />,
          },
          {
            key: 'changes',
            label: t('emulation.changes', { count: data.changes?.length ?? 0 }),
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {(data.changes ?? []).map((c, i) => (
                  <li key={i}>
                    {formatDateTime(c.changedAt ?? '', locale)} · {c.changedBy}:{' '}
                    {t(`emulation.changed.${c.what}`, { version: c.version })}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}

function ClustersEditor({
  plan,
  owner,
  settings,
}: {
  plan: string;
  owner?: string;
  settings: Settings;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveClusters();
  const units = useUnitsBelow(settings.canEdit ? owner : undefined);
  const [clusters, setClusters] = useState<Cluster[]>(settings.clusters ?? []);
  const [problem, setProblem] = useState<string>();
  const editable = Boolean(settings.canEdit);
  const names = new Map((units.data ?? []).map((o) => [o.value, o.label]));
  const update = (i: number, patch: Partial<Cluster>) =>
    setClusters(clusters.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Flex vertical gap={12}>
      {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
      {clusters.map((c, i) => (
        <Flex key={i} vertical gap={4} data-testid={`cluster-editor-${i}`}>
          {editable ? (
            <>
              <Flex wrap gap={8}>
                <Input
                  aria-label={t('emulation.clusterCode')}
                  placeholder={t('emulation.clusterCode')}
                  style={{ width: 120 }}
                  value={c.code}
                  onChange={(e) => update(i, { code: e.target.value })}
                />
                <Input
                  aria-label={t('emulation.clusterName')}
                  placeholder={t('emulation.clusterName')}
                  style={{ flex: 1, minWidth: 180 }}
                  value={c.name}
                  onChange={(e) => update(i, { name: e.target.value })}
                />
              </Flex>
              <Select
                mode="multiple"
                aria-label={t('emulation.members')}
                placeholder={t('emulation.members')}
                optionFilterProp="label"
                options={units.data ?? []}
                value={c.units}
                onChange={(v: string[]) =>
                  update(i, {
                    units: v,
                    leaderUnit: v.includes(c.leaderUnit ?? '') ? c.leaderUnit : undefined,
                  })
                }
              />
              <Select
                allowClear
                aria-label={t('emulation.leaderUnit')}
                placeholder={t('emulation.leaderUnit')}
                options={(c.units ?? []).map((u) => ({ value: u, label: names.get(u) ?? u }))}
                value={c.leaderUnit ?? undefined}
                onChange={(v?: string) => update(i, { leaderUnit: v })}
              />
              <Button
                danger
                type="link"
                style={{ alignSelf: 'flex-start', paddingInline: 0 }}
                onClick={() => setClusters(clusters.filter((_, j) => j !== i))}
              >
                {t('emulation.removeCluster')}
              </Button>
            </>
          ) : (
            <Typography.Text>
              <Typography.Text strong>{c.name}</Typography.Text> ({c.code}):{' '}
              {(c.units ?? []).join(', ')}
            </Typography.Text>
          )}
        </Flex>
      ))}
      {editable ? (
        <Flex wrap gap={8}>
          <Button
            onClick={() =>
              setClusters([
                ...clusters,
                { code: `CUM-${clusters.length + 1}`, name: '', units: [] },
              ])
            }
          >
            {t('emulation.addCluster')}
          </Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={async () => {
              setProblem(undefined);
              try {
                await save.mutateAsync({
                  plan,
                  version: Number(settings.clustersVersion ?? 0),
                  clusters,
                });
                void message.success(t('emulation.saved'));
              } catch (error) {
                setProblem(problemText(error, t('error.offline')));
              }
            }}
          >
            {t('emulation.saveClusters')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

const PARAMS = [
  'fullAt',
  'bonusPerPercent',
  'bonusCap',
  'inProgressShare',
  'onTimePoints',
  'manualMax',
] as const;

function ScoringEditor({ plan, settings }: { plan: string; settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveScoring();
  const [table, setTable] = useState<Scoring>(settings.scoring!);
  const [problem, setProblem] = useState<string>();
  const editable = Boolean(settings.canEdit);
  return (
    <Flex vertical gap={12}>
      {problem ? <Alert type="error" showIcon role="alert" message={problem} /> : null}
      <Flex wrap gap={12}>
        {PARAMS.map((p) => (
          <Flex key={p} vertical gap={2}>
            <label htmlFor={`scoring-${p}`}>{t(`emulation.param.${p}`)}</label>
            <InputNumber
              id={`scoring-${p}`}
              disabled={!editable}
              min={0}
              decimalSeparator=","
              value={Number(table[p])}
              onChange={(v) => setTable({ ...table, [p]: v ?? 0 })}
            />
          </Flex>
        ))}
      </Flex>
      <Typography.Text type="secondary">{t('emulation.linesHelp')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {(table.lines ?? []).map((l, i) => (
          <li key={l.item} style={{ padding: '4px 0' }}>
            <Flex gap={8} align="center" justify="space-between">
              <label htmlFor={`line-${l.item}`}>{l.item}</label>
              <InputNumber
                id={`line-${l.item}`}
                disabled={!editable}
                min={0}
                max={1000}
                decimalSeparator=","
                value={Number(l.points)}
                onChange={(v) =>
                  setTable({
                    ...table,
                    lines: table.lines!.map((x, j) => (j === i ? { ...x, points: v ?? 0 } : x)),
                  })
                }
              />
            </Flex>
          </li>
        ))}
      </ul>
      {editable ? (
        <Button
          type="primary"
          style={{ alignSelf: 'flex-start' }}
          loading={save.isPending}
          onClick={async () => {
            setProblem(undefined);
            try {
              await save.mutateAsync({
                plan,
                version: Number(settings.scoringVersion ?? 0),
                scoring: table,
              });
              void message.success(t('emulation.saved'));
            } catch (error) {
              setProblem(problemText(error, t('error.offline')));
            }
          }}
        >
          {t('emulation.saveScoring')}
        </Button>
      ) : null}
    </Flex>
  );
}
