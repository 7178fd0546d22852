import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import { useLoadPastReports, type PastImport } from '../api/past-reports';

/**
 * Figures of units from before they were on this system (Bắc Kạn's communes before 01/07/2025):
 * a sheet of unit, period, item and value is checked first, every problem named by its line, then
 * loaded as approved reports marked imported.
 */
export function PastReportsCard({ plan }: { plan: string }) {
  const { t } = useTranslation();
  const load = useLoadPastReports();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<PastImport>();
  const run = (dryRun: boolean) =>
    file && load.mutate({ plan, file, dryRun }, { onSuccess: setResult });
  const issues = result?.issues ?? [];
  const ready = result?.dryRun && issues.length === 0 && (result.reports ?? 0) > 0;
  return (
    <Card size="small" title={t('reports.past.title')} data-testid="past-reports">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('reports.past.help')}</Typography.Text>
        <Flex wrap gap={8} align="center">
          <Upload
            accept=".csv,.xlsx,text/csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(undefined);
              return false;
            }}
            onRemove={() => {
              setFile(undefined);
              setResult(undefined);
            }}
            fileList={file ? [{ uid: 'past', name: file.name }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="pick-past">
              {t('reports.past.pick')}
            </Button>
          </Upload>
          <Button disabled={!file} loading={load.isPending} onClick={() => run(true)}>
            {t('reports.past.check')}
          </Button>
          <Button
            type="primary"
            data-testid="past-load"
            disabled={!ready}
            loading={load.isPending}
            onClick={() => run(false)}
          >
            {t('reports.past.load')}
          </Button>
        </Flex>
        {load.isError && <QueryError error={load.error} />}
        {result && (
          <Alert
            showIcon
            type={issues.length > 0 ? 'error' : result.dryRun ? 'info' : 'success'}
            message={
              result.dryRun
                ? t('reports.past.checked', {
                    rows: result.rows,
                    reports: result.reports,
                    issues: issues.length,
                  })
                : t('reports.past.loaded', { count: result.created })
            }
          />
        )}
        {issues.length > 0 && (
          <ScrollBox label={t('reports.past.issues')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(i) => `${i.line}-${i.field}-${i.message}`}
              dataSource={issues}
              columns={[
                { title: t('reports.past.line'), dataIndex: 'line', width: 70 },
                { title: t('reports.past.field'), dataIndex: 'field', width: 100 },
                { title: t('reports.past.problem'), dataIndex: 'message' },
              ]}
            />
          </ScrollBox>
        )}
      </Flex>
    </Card>
  );
}
