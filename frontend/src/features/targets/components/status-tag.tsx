import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  exact: 'green',
  complete: 'green',
  set: 'blue',
  default: 'blue',
  under: 'orange',
  partial: 'orange',
  over: 'red',
  unallocated: 'default',
  'no-parent-target': 'default',
};

/** The allocation state of a column, in words and colour. */
export function StatusTag({ status }: { status?: string }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={COLORS[status] ?? 'default'}>{t(`targets.status.${status}`)}</Tag>;
}
