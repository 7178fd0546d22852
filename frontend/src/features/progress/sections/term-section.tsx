import { Alert, Card, Flex, Table, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useTerm } from '../api/progress';
import { StateTag } from '../components/state-tag';
import { TermCoverage, TermYears } from '../components/term-coverage';
import { percent } from '../lib/progress-text';

/** The whole term: each group's verdict, and each item planned against achieved over the years. */
export const TermSection = memo(function TermSection({
  plan,
  unit,
}: {
  plan: string;
  unit: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const term = useTerm(plan, unit, true);
  if (term.error) return <QueryError error={term.error} />;
  const number = (v?: number | null) => (v == null ? '—' : formatNumber(v, locale));
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('progress.termRules')} />
      <TermCoverage term={term.data} />
      <Flex wrap gap={8} data-testid="term-groups">
        {(term.data?.groups ?? []).map((g) => (
          <Card key={g.group} size="small" style={{ width: 260 }}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
              {g.title}
            </Typography.Paragraph>
            <StateTag state={g.verdict} />
          </Card>
        ))}
      </Flex>
      <ScrollBox label={t('progress.tabTerm')}>
        <Table
          size="small"
          rowKey="itemKey"
          loading={term.isFetching}
          pagination={false}
          dataSource={term.data?.items ?? []}
          expandable={{
            expandedRowRender: (item) => (
              <TermYears years={item.years ?? []} measure={item.measure} />
            ),
          }}
          columns={[
            { title: t('progress.item'), dataIndex: 'label' },
            {
              title: t('progress.rule'),
              dataIndex: 'rule',
              width: 120,
              responsive: ['md'],
              render: (r: string) => t(`progress.ruleName.${r}`),
            },
            { title: t('progress.planned'), dataIndex: 'planned', width: 110, render: number },
            { title: t('progress.achieved'), dataIndex: 'achieved', width: 110, render: number },
            {
              title: t('progress.ratio'),
              dataIndex: 'ratio',
              width: 90,
              render: (v?: number | null) => percent(v, locale),
            },
            {
              title: t('progress.verdict'),
              dataIndex: 'verdict',
              width: 120,
              render: (v: string) => <StateTag state={v} />,
            },
          ]}
        />
      </ScrollBox>
    </Flex>
  );
});
