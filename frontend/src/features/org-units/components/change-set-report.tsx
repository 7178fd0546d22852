import { Alert, Descriptions, Flex, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScrollBox } from '@/components/ui/scroll-box';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { UnitChangeSetReport } from '@/lib/api/types';
import { firstOf } from '../held';

type Step = NonNullable<UnitChangeSetReport['steps']>[number];
type Link = NonNullable<UnitChangeSetReport['lineage']>[number];
type Held = NonNullable<UnitChangeSetReport['data']>[number];

const COUNTS = [
  'closed',
  'opened',
  'renamed',
  'reclassified',
  'moved',
  'continued',
  'lineage',
  'outside',
] as const;

/**
 * What a change set does (dry run) or did (applied): the counts, what stops it, the data left on
 * closing units, every unit's step and every lineage row as the set gives it.
 */
export function ChangeSetReport({ report }: { report: UnitChangeSetReport }) {
  const { t, i18n } = useTranslation();
  const day = formatDate(report.effectiveDate!, intlLocale(i18n.language));
  const problems = report.problems ?? [];
  const held = report.data ?? [];
  return (
    <Flex vertical gap={12} data-testid="change-set-report">
      <Alert
        showIcon
        type={!report.dryRun ? 'success' : report.applicable ? 'info' : 'error'}
        message={
          !report.dryRun
            ? t('changeSets.applied', { day })
            : report.applicable
              ? t('changeSets.applicable', { day })
              : t('changeSets.blocked', { day, count: problems.length })
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
        {COUNTS.map((k) => (
          <Descriptions.Item key={k} label={t(`changeSets.count.${k}`)}>
            {report.counts?.[k] ?? 0}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('changeSets.count.after')}>
          {(report.counts?.unitsByLevel ?? []).join(' / ')}
        </Descriptions.Item>
      </Descriptions>
      {problems.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('changeSets.problems')}</Typography.Text>}
          dataSource={problems}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text type="danger">
                {t(`changeSets.problem.${p.kind}`)}
                {p.code ? ` · ${p.code}` : ''}
              </Typography.Text>
              : {p.message}
            </List.Item>
          )}
        />
      )}
      {held.length > 0 && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('changeSets.held')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(report.dryRun ? 'changeSets.heldHelp' : 'changeSets.movedHelp')}
          </Typography.Text>
          <ScrollBox label={t('changeSets.held')}>
            <Table<Held>
              size="small"
              rowKey={(h) => `${h.unitCode}|${h.kind}`}
              dataSource={held}
              pagination={false}
              columns={[
                {
                  title: t('changeSets.unit'),
                  render: (_, h) => `${h.unitName} (${h.unitCode})`,
                },
                {
                  title: t('changeSets.kind'),
                  render: (_, h) => t(`changeSets.heldKind.${h.kind}`),
                },
                { title: t('changeSets.countCol'), dataIndex: 'count', align: 'right' },
                { title: t('changeSets.first'), render: (_, h) => firstOf(h, t) },
                {
                  title: t('changeSets.successor'),
                  render: (_, h) =>
                    h.successor ?? <Tag color="#ad4e00">{t('changeSets.decision')}</Tag>,
                },
                ...(report.dryRun
                  ? []
                  : [
                      {
                        title: t('changeSets.moved'),
                        align: 'right' as const,
                        render: (_: unknown, h: (typeof held)[number]) => h.moved ?? 0,
                      },
                    ]),
              ]}
            />
          </ScrollBox>
        </>
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('changeSets.steps', { count: report.steps?.length ?? 0 })}
      </Typography.Title>
      <ScrollBox label={t('changeSets.steps', { count: report.steps?.length ?? 0 })}>
        <Table<Step>
          size="small"
          rowKey="code"
          dataSource={report.steps ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('me.unitCode'), dataIndex: 'code' },
            {
              title: t('changeSets.change'),
              render: (_, s) => (
                <Flex wrap gap={4}>
                  {(s.what ?? []).map((w) => (
                    <Tag
                      key={w}
                      color={w === 'close' ? '#a8071a' : w === 'open' ? '#237804' : undefined}
                    >
                      {t(`changeSets.what.${w}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('changeSets.before'),
              render: (_, s) =>
                s.before ? `${s.before.name} · ${s.before.parentCode ?? '–'}` : '–',
            },
            {
              title: t('changeSets.after'),
              render: (_, s) => (s.after ? `${s.after.name} · ${s.after.parentCode ?? '–'}` : '–'),
            },
          ]}
        />
      </ScrollBox>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('changeSets.lineage', { count: report.lineage?.length ?? 0 })}
      </Typography.Title>
      <ScrollBox label={t('changeSets.lineage', { count: report.lineage?.length ?? 0 })}>
        <Table<Link>
          size="small"
          rowKey={(l) => `${l.oldCode}>${l.newCode ?? ''}`}
          dataSource={report.lineage ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: t('changeSets.from'),
              render: (_, l) => (
                <>
                  {l.oldName} ({l.oldCode}) {!l.onSystem && <Tag>{t('units.outside')}</Tag>}
                </>
              ),
            },
            { title: t('changeSets.change'), render: (_, l) => t(`units.change.${l.change}`) },
            {
              title: t('changeSets.to'),
              render: (_, l) => (
                <>
                  {l.newCode ? `${l.newName} (${l.newCode})` : '–'}{' '}
                  {!l.confirmed && <Tag color="#ad4e00">{t('units.unconfirmed')}</Tag>}
                </>
              ),
            },
          ]}
        />
      </ScrollBox>
      {(report.outside?.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary">
          {t('changeSets.outsideHelp', { count: report.outside!.length })}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
