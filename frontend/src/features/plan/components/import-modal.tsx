import { LoadingOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import type { PlanImportReport } from '@/lib/api/types';
import { useImportPlan } from '../api/import-plan';

/** Upload a plan file: check it first (dry run, nothing written), then import. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<PlanImportReport>();
  const importPlan = useImportPlan();

  const close = () => {
    setFile(undefined);
    setReport(undefined);
    importPlan.reset();
    onClose();
  };
  const checking = importPlan.isPending && importPlan.variables?.dryRun === true;
  const run = (dryRun: boolean) =>
    file && importPlan.mutate({ file, dryRun }, { onSuccess: (r) => setReport(r) });

  return (
    <Modal
      open={open}
      title={t('plan.import.title')}
      onCancel={close}
      footer={
        <Space wrap>
          <Button onClick={close}>{t('app.close')}</Button>
          {/* A plain spinning icon on the button pressed, not antd's `loading`: that spinner
              grows and shrinks by CSS transitions, and one stopped while still growing (a 65 ms
              dry run) had no transition to end, so its "loading" icon stayed in the name of
              both buttons and "Nhập" could no longer be found by its name. */}
          <Button
            disabled={!file || importPlan.isPending}
            icon={checking ? <LoadingOutlined /> : undefined}
            onClick={() => run(true)}
          >
            {t('plan.import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !report?.dryRun || importPlan.isPending}
            icon={importPlan.isPending && !checking ? <LoadingOutlined /> : undefined}
            onClick={() => run(false)}
          >
            {t('plan.import.apply')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('plan.import.help')}</Typography.Paragraph>
      <Upload
        accept=".txt,.xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(undefined);
          importPlan.reset();
          return false;
        }}
        onRemove={() => {
          setFile(undefined);
          setReport(undefined);
        }}
      >
        <Button icon={<UploadOutlined />}>{t('plan.import.choose')}</Button>
      </Upload>
      {importPlan.isError && (
        <div style={{ marginTop: 12 }}>
          <QueryError error={importPlan.error} />
        </div>
      )}
      {report && (
        <div style={{ marginTop: 16 }} data-testid="import-report">
          <Alert
            type={report.dryRun ? 'info' : 'success'}
            showIcon
            message={t(report.dryRun ? 'plan.import.wouldBe' : 'plan.import.done', {
              outcome: t(`plan.import.outcome.${report.outcome}`),
            })}
          />
          <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('plan.import.created')}>
              {report.changes?.created}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.import.updated')}>
              {report.changes?.updated}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.import.removed')}>
              {report.changes?.removed}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.import.unchanged')}>
              {report.changes?.unchanged}
            </Descriptions.Item>
          </Descriptions>
          {report.warnings && report.warnings.length > 0 && (
            <List
              size="small"
              header={t('plan.import.warnings', { count: report.warnings.length })}
              dataSource={report.warnings}
              style={{ maxHeight: 240, overflow: 'auto' }}
              renderItem={(w) => (
                <List.Item>
                  {w.line ? `${t('plan.import.line')} ${w.line}: ` : ''}
                  {w.message}
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
