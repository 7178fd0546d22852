import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why a report is returned or reopened; the reason is required and goes to the unit. */
export function ReasonModal({
  open,
  title,
  label,
  loading,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** What is asked (default: the reason). */
  label?: string;
  loading?: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim().length === 0;
  return (
    <Modal
      open={open}
      title={title}
      okText={title}
      cancelText={t('app.close')}
      confirmLoading={loading}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => {
        setTouched(true);
        if (!missing) onOk(reason.trim());
      }}
    >
      <label htmlFor="review-reason">{label ?? t('reports.reason')}</label>
      <Input.TextArea
        id="review-reason"
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={label ? 1000 : 2000}
        value={reason}
        status={touched && missing ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {touched && missing ? (
        <Typography.Text type="danger" role="alert">
          {t('reports.reasonRequired')}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
