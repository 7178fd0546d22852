import { Form, Input, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';

type Props<T extends { reason: string }> = {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  pending: boolean;
  /** The server's refusal of the last try, shown under the form. */
  error: unknown;
  reasonLabel: string;
  required: string;
  onCancel: () => void;
  onOk: () => void;
  /** What is decided, above the reason. */
  children?: ReactNode;
};

/**
 * A decision an admin takes on the map's history (a lineage row confirmed or corrected, data left
 * on a closed unit moved or kept): what is decided, then the reason, which is always required and
 * kept with the decision.
 */
export function ReasonModal<T extends { reason: string }>(props: Props<T>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={props.onOk}
      okText={props.okText}
      cancelText={t('changeSets.cancel')}
      confirmLoading={props.pending}
      destroyOnHidden
    >
      <Form form={props.form} layout="vertical">
        {props.children}
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[{ required: true, whitespace: true, message: props.required }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {props.error ? <QueryError error={props.error} /> : null}
    </Modal>
  );
}
