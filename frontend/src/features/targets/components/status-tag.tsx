import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Solid colours with white text, 4.5:1 or more (antd's light presets fail AA on small tags).
const COLORS: Record<string, string> = {
  exact: '#237804',
  complete: '#237804',
  set: '#0958d9',
  default: '#0958d9',
  under: '#ad4e00',
  partial: '#ad4e00',
  over: '#a8071a',
  unallocated: 'default',
  'no-parent-target': 'default',
};

/** The allocation state of a column, in words and colour. */
export function StatusTag({ status }: { status?: string }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={COLORS[status] ?? 'default'}>{t(`targets.status.${status}`)}</Tag>;
}
