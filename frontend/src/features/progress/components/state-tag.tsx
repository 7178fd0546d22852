import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Colours that read on white at 4.5:1 or more, with the word beside them (never colour alone).
export const STATE_COLORS: Record<string, string> = {
  ahead: '#237804',
  'on-track': '#0958d9',
  behind: '#a8071a',
  'no-target': '#595959',
  exceeded: '#237804',
  met: '#0958d9',
  'not-met': '#a8071a',
  'no-data': '#595959',
};

/** The state of an item in a year, or its verdict over the term, as a word in a coloured tag. */
export function StateTag({ state }: { state?: string }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {t(`progress.state.${state}`)}
    </Tag>
  );
}
