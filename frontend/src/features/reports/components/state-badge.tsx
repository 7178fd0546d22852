import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  none: 'default',
  draft: 'blue',
  returned: 'orange',
  submitted: 'gold',
  approved: 'green',
};

/** Where a report stands, in words and colour: never colour alone. */
export function StateBadge({ state }: { state?: string | null }) {
  const { t } = useTranslation();
  const s = state ?? 'none';
  return (
    <Tag color={COLORS[s] ?? 'default'} data-testid="report-state">
      {t(`reports.state.${s}`)}
    </Tag>
  );
}
