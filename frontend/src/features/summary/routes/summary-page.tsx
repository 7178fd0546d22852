import { HistoryOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useSelection } from '@/lib/selection';
import { ApiError } from '@/lib/api/client';
import { useMe } from '@/lib/api/me';
import { usePlan } from '@/lib/api/plans';
import {
  useDownloadSummary,
  useSaveSummaryReport,
  useSummaryReport,
  useUnitsBelow,
  type SummaryEdit,
  type SummaryReport,
} from '../api/summary';
import { ExportPanel } from '../components/export-panel';
import { HistoryDrawer } from '../components/history-drawer';
import { ReportDocument } from '../components/report-document';

/** What the unit set, as the form holds it: the saved fields and every paragraph's text. */
function editOf(report: SummaryReport): SummaryEdit {
  const paragraphs: Record<string, string> = {};
  (report.blocks ?? [])
    .filter((b) => b.type === 'paragraph' && b.key)
    .forEach((b) => (paragraphs[b.key!] = b.text ?? ''));
  const h = report.letterhead!;
  return {
    number: h.number,
    issuer: h.issuer,
    place: h.place,
    issuedOn: h.issuedOn,
    recipients: report.recipients,
    signerTitle: report.signerTitle,
    signerName: report.signerName,
    paragraphs,
  };
}

/**
 * The written report of a unit (sơ kết 6 tháng, tổng kết năm, tổng kết nhiệm kỳ): drafted from the
 * figures, read and adjusted here, downloaded as Word to sign and PDF to send; progress as Excel.
 * Unit and period live in the URL.
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { get, select } = useSelection({ push: true });
  const me = useMe();
  const { plan, plans } = usePlan(get('plan'));
  const years = plan?.years ?? [];
  const lastDone = years.filter((y) => y < new Date().getFullYear()).pop() ?? years[0];
  const period = get('period') ?? (lastDone ? String(lastDone) : undefined);
  const own = me.data?.orgUnitCode ?? undefined;
  const unit = get('unit') ?? own;
  const key = { plan: plan?.code, unit, period };
  const report = useSummaryReport(key);
  const below = useUnitsBelow(own);
  const save = useSaveSummaryReport(key);
  const download = useDownloadSummary(key);
  const [editing, setEditing] = useState<{ version: number; edit: SummaryEdit }>();
  const [historyOpen, setHistoryOpen] = useState(false);

  const setParam = (name: 'period' | 'unit', value: string | undefined) => {
    setEditing(undefined);
    select({ [name]: value });
  };

  if (plans.isPending || me.isPending) return <PageLoading />;
  if (!plan?.code) return <Empty description={t('plan.none')} />;

  const periodOptions = [
    ...years.flatMap((y) => [
      { value: `${y}-H1`, label: t('summary.period.half', { year: y }) },
      { value: String(y), label: t('summary.period.year', { year: y }) },
    ]),
    { value: 'term', label: t('summary.period.term') },
  ];
  const unitOptions = [
    ...(me.data?.orgUnit ? [{ value: me.data.orgUnit.code, label: me.data.orgUnit.name }] : []),
    ...(below.data?.items ?? []).map((u) => ({ value: u.code, label: u.name })),
  ];
  const doc = report.data;
  const edit = editing?.edit ?? (doc ? editOf(doc) : undefined);
  const setField = (name: keyof SummaryEdit, value: string) =>
    setEditing({
      version: editing?.version ?? doc!.version ?? 0,
      edit: { ...edit!, [name]: value },
    });

  const onSave = () => {
    if (!editing) return;
    save.mutate(editing, {
      onSuccess: () => {
        setEditing(undefined);
        void message.success(t('summary.saved'));
      },
    });
  };
  const stale = save.error instanceof ApiError && save.error.status === 412;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('summary.heading')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <Select
          aria-label={t('summary.periodLabel')}
          data-testid="summary-period"
          style={{ minWidth: 220 }}
          value={period}
          onChange={(v) => setParam('period', v)}
          options={periodOptions}
        />
        {unitOptions.length > 1 ? (
          <Select
            aria-label={t('summary.unitLabel')}
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 220 }}
            value={unit}
            onChange={(v) => setParam('unit', v === own ? undefined : v)}
            options={unitOptions}
          />
        ) : null}
      </Flex>
      {report.error ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : null}
      {!doc || !edit ? (
        report.isPending ? (
          <PageLoading />
        ) : null
      ) : (
        <>
          {!doc.hasData ? (
            <Alert
              type="info"
              showIcon
              message={t('summary.noData')}
              data-testid="summary-no-data"
            />
          ) : null}
          <Card size="small">
            <Flex wrap gap={8} align="center">
              {doc.editable && !editing ? (
                <Button
                  type="primary"
                  data-testid="summary-edit"
                  onClick={() => setEditing({ version: doc.version ?? 0, edit: editOf(doc) })}
                >
                  {t('summary.edit')}
                </Button>
              ) : null}
              {editing ? (
                <>
                  <Button
                    type="primary"
                    loading={save.isPending}
                    onClick={onSave}
                    data-testid="summary-save"
                  >
                    {t('summary.save')}
                  </Button>
                  <Button onClick={() => setEditing(undefined)}>{t('summary.cancel')}</Button>
                </>
              ) : (
                <>
                  <Button
                    loading={download.isPending && download.variables === 'docx'}
                    onClick={() => download.mutate('docx')}
                    data-testid="download-docx"
                  >
                    {t('summary.downloadWord')}
                  </Button>
                  <Button
                    loading={download.isPending && download.variables === 'pdf'}
                    onClick={() => download.mutate('pdf')}
                    data-testid="download-pdf"
                  >
                    {t('summary.downloadPdf')}
                  </Button>
                </>
              )}
              <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                {t('summary.history.open')}
              </Button>
            </Flex>
            {doc.updatedBy ? (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('summary.lastSaved', { who: doc.updatedBy })}
              </Typography.Paragraph>
            ) : null}
            {stale ? (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                message={t('summary.stale')}
                action={
                  <Button size="small" onClick={() => void report.refetch()}>
                    {t('app.retry')}
                  </Button>
                }
              />
            ) : save.error ? (
              <Alert style={{ marginTop: 8 }} type="error" showIcon message={save.error.message} />
            ) : null}
            {download.error ? (
              <Alert
                style={{ marginTop: 8 }}
                type="error"
                showIcon
                message={download.error.message}
              />
            ) : null}
          </Card>
          {editing ? (
            <Collapse
              items={[
                {
                  key: 'head',
                  label: t('summary.fields'),
                  children: (
                    <Form layout="vertical" style={{ maxWidth: 560 }}>
                      {(['number', 'issuer', 'place', 'signerTitle', 'signerName'] as const).map(
                        (f) => (
                          <Form.Item
                            key={f}
                            label={t(`summary.field.${f}`)}
                            htmlFor={`summary-${f}`}
                          >
                            <Input
                              id={`summary-${f}`}
                              value={edit[f] ?? ''}
                              maxLength={f === 'number' ? 40 : 120}
                              onChange={(e) => setField(f, e.target.value)}
                            />
                          </Form.Item>
                        ),
                      )}
                      <Form.Item label={t('summary.field.issuedOn')} htmlFor="summary-issuedOn">
                        <Input
                          id="summary-issuedOn"
                          type="date"
                          value={edit.issuedOn ?? ''}
                          onChange={(e) => setField('issuedOn', e.target.value)}
                        />
                      </Form.Item>
                      <Form.Item label={t('summary.field.recipients')} htmlFor="summary-recipients">
                        <Input.TextArea
                          id="summary-recipients"
                          autoSize={{ minRows: 3 }}
                          value={edit.recipients ?? ''}
                          maxLength={4000}
                          onChange={(e) => setField('recipients', e.target.value)}
                        />
                      </Form.Item>
                    </Form>
                  ),
                },
              ]}
            />
          ) : null}
          <ReportDocument
            report={doc}
            edit={edit}
            editing={Boolean(editing)}
            onChange={(next) =>
              setEditing({ version: editing?.version ?? doc.version ?? 0, edit: next })
            }
          />
          <Card size="small" title={t('summary.export.title')}>
            <ExportPanel
              plan={plan.code}
              unit={doc.unit!.code!}
              period={doc.period!}
              hasUnitsBelow={(doc.unit!.level ?? 3) < 3}
            />
          </Card>
          <HistoryDrawer
            plan={plan.code}
            unit={doc.unit!.code!}
            period={doc.period!}
            open={historyOpen}
            onClose={() => setHistoryOpen(false)}
          />
        </>
      )}
    </Flex>
  );
}
