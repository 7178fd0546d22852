import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ApiError } from '@/lib/api/client';
import { useDownloadSheet, useUploadSheet } from '../api/sheet';

/** Fill targets in Excel: download the unit's sheet for the year, upload it back after a check. */
export function SheetPanel({
  plan,
  year,
  parent,
  canEdit,
}: {
  plan: string;
  year: string;
  parent: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const download = useDownloadSheet();
  const upload = useUploadSheet();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File>();
  const [checked, setChecked] = useState(false);
  const problem = upload.error instanceof ApiError ? upload.error.problem : undefined;

  const close = () => {
    setOpen(false);
    setFile(undefined);
    setChecked(false);
    upload.reset();
  };
  const run = (dryRun: boolean) =>
    file && upload.mutate({ file, dryRun }, { onSuccess: () => setChecked(dryRun) });

  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={download.isPending}
        onClick={() => download.mutate({ plan, year, parent })}
      >
        {t('targets.sheet.download')}
      </Button>
      {canEdit && (
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
          {t('targets.sheet.upload')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('targets.sheet.upload')}
        onCancel={close}
        footer={
          <Space wrap>
            <Button onClick={close}>{t('app.close')}</Button>
            <Button disabled={!file} loading={upload.isPending} onClick={() => run(true)}>
              {t('plan.import.check')}
            </Button>
            <Button
              type="primary"
              disabled={!file || !checked}
              loading={upload.isPending}
              onClick={() => run(false)}
            >
              {t('plan.import.apply')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{t('targets.sheet.help')}</Typography.Paragraph>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(false);
            upload.reset();
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button icon={<UploadOutlined />}>{t('plan.import.choose')}</Button>
        </Upload>
        {upload.data && (
          <Alert
            style={{ marginTop: 12 }}
            type={checked ? 'info' : 'success'}
            showIcon
            message={t(checked ? 'targets.sheet.wouldSet' : 'targets.sheet.done', {
              count: upload.data.targetsSet,
            })}
          />
        )}
        {upload.isError && problem?.errors?.length ? (
          <List
            style={{ marginTop: 12, maxHeight: 240, overflow: 'auto' }}
            size="small"
            header={<Typography.Text type="danger">{problem.detail}</Typography.Text>}
            dataSource={problem.errors}
            renderItem={(e) => (
              <List.Item>
                {e.field}: {e.message}
              </List.Item>
            )}
          />
        ) : (
          upload.isError && <QueryError error={upload.error} />
        )}
      </Modal>
    </Space>
  );
}
