import { UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { useMe } from '@/lib/api/me';
import type { UnitChangeSet, UnitChangeSetReport } from '@/lib/api/types';
import { parseDay } from '@/lib/day';
import { formatDate, formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useChangeSets, useLoadChangeSet, type ChangeSetFiles } from '../api/change-sets';
import { ChangeSetReport } from '../components/change-set-report';
import { LeftData } from '../components/left-data';
import { UnconfirmedLineage } from '../components/unconfirmed-lineage';

/**
 * Changes of the administrative map (sắp xếp đơn vị hành chính), by an admin of the province: the
 * GSO lineage (and the list of units of the new state) checked in a dry run that says everything
 * it would do and everything that stops it, then applied on its date; the sets applied so far.
 */
export function ChangeSetsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const provinceAdmin = Boolean(me.data?.roles?.includes('admin') && me.data?.orgUnit?.level === 1);
  const applied = useChangeSets(provinceAdmin);
  const load = useLoadChangeSet();
  const [files, setFiles] = useState<Partial<ChangeSetFiles>>({});
  const [report, setReport] = useState<UnitChangeSetReport>();
  const [dateText, setDateText] = useState('');
  const dateInvalid = dateText.trim() !== '' && parseDay(dateText) === undefined;
  const locale = intlLocale(i18n.language);

  if (me.isPending) return <PageLoading />;
  if (!provinceAdmin) return <Empty description={t('changeSets.adminOnly')} />;

  // A report is for the files and the date it was made from: any change asks for a new dry run.
  const change = (next: Partial<ChangeSetFiles>) => {
    setFiles((f) => ({ ...f, ...next }));
    setReport(undefined);
    load.reset();
  };
  const run = (dryRun: boolean) =>
    files.lineage &&
    load.mutate(
      { lineage: files.lineage, units: files.units, effectiveDate: files.effectiveDate, dryRun },
      { onSuccess: setReport },
    );
  const ready = report?.dryRun && report.applicable && (report.steps?.length ?? 0) > 0;

  const picker = (field: 'lineage' | 'units', label: string) => (
    <Upload
      accept=".csv,.xlsx,text/csv"
      maxCount={1}
      beforeUpload={(f) => {
        change({ [field]: f });
        return false;
      }}
      onRemove={() => change({ [field]: undefined })}
      fileList={files[field] ? [{ uid: field, name: files[field].name }] : []}
    >
      <Button icon={<UploadOutlined />} data-testid={`pick-${field}`}>
        {label}
      </Button>
    </Upload>
  );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('changeSets.heading')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('changeSets.help')}{' '}
        <Link to="/don-vi" style={{ textDecoration: 'underline' }}>
          {t('changeSets.toUnits')}
        </Link>
      </Typography.Paragraph>
      <Card title={t('changeSets.load')} size="small">
        <Flex vertical gap={12}>
          {picker('lineage', t('changeSets.lineageFile'))}
          {picker('units', t('changeSets.unitsFile'))}
          <Typography.Text type="secondary">{t('changeSets.unitsHelp')}</Typography.Text>
          {/* typed and shown day first whatever the browser's locale, as every date here */}
          <label>
            <Typography.Text style={{ marginRight: 8 }}>{t('changeSets.date')}</Typography.Text>
            <Input
              aria-label={t('changeSets.date')}
              aria-invalid={dateInvalid || undefined}
              status={dateInvalid ? 'error' : undefined}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={dateText}
              onChange={(e) => {
                setDateText(e.target.value);
                change({ effectiveDate: parseDay(e.target.value) });
              }}
              style={{ width: 130 }}
            />
          </label>
          <Typography.Text type="secondary">{t('changeSets.dateHelp')}</Typography.Text>
          <Space wrap>
            <Button
              disabled={!files.lineage || dateInvalid}
              loading={load.isPending && load.variables?.dryRun}
              onClick={() => run(true)}
              data-testid="change-set-check"
            >
              {t('changeSets.check')}
            </Button>
            <Popconfirm
              title={t('changeSets.confirm', {
                day: report?.effectiveDate ? formatDate(report.effectiveDate, locale) : '',
              })}
              okText={t('changeSets.apply')}
              cancelText={t('changeSets.cancel')}
              onConfirm={() => run(false)}
              disabled={!ready}
            >
              <Button
                type="primary"
                disabled={!ready}
                loading={load.isPending && !load.variables?.dryRun}
                data-testid="change-set-apply"
              >
                {t('changeSets.apply')}
              </Button>
            </Popconfirm>
          </Space>
          {load.isError && <QueryError error={load.error} />}
        </Flex>
      </Card>
      {report && <ChangeSetReport report={report} />}
      <LeftData />
      <UnconfirmedLineage />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('changeSets.history')}
      </Typography.Title>
      {applied.isError && (
        <QueryError error={applied.error} onRetry={() => void applied.refetch()} />
      )}
      <ScrollBox label={t('changeSets.history')}>
        <Table<UnitChangeSet>
          size="small"
          rowKey="id"
          loading={applied.isPending}
          dataSource={applied.data ?? []}
          pagination={false}
          locale={{ emptyText: <Typography.Text>{t('changeSets.none')}</Typography.Text> }}
          columns={[
            {
              title: t('changeSets.date'),
              render: (_, s) => formatDate(s.effectiveDate!, locale),
            },
            { title: t('changeSets.source'), dataIndex: 'sourceName' },
            {
              title: t('changeSets.summary'),
              render: (_, s) =>
                Object.entries(s.summary ?? {})
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => `${t(`changeSets.count.${k}`)}: ${n}`)
                  .join(' · '),
            },
            {
              title: t('changeSets.by'),
              render: (_, s) => `${s.appliedBy} · ${formatDateTime(s.appliedAt!, locale)}`,
            },
          ]}
        />
      </ScrollBox>
    </Flex>
  );
}
