import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Dark enough for white text to pass WCAG AA on a phone in daylight (antd's light tags do not). */
export const STATE_COLORS: Record<string, string> = {
  none: 'default',
  draft: '#0958d9',
  returned: '#ad4e00',
  submitted: '#874d00',
  approved: '#237804',
  late: '#a8071a',
};

/** Where a report stands, in words and colour: never colour alone. */
export function StateBadge({ state }: { state?: string | null }) {
  const { t } = useTranslation();
  const s = state ?? 'none';
  return (
    <Tag color={STATE_COLORS[s] ?? 'default'} data-testid="report-state">
      {t(`reports.state.${s}`)}
    </Tag>
  );
}
