import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StateCounts } from '../lib/groups';
import { STATE_COLORS } from './state-tag';

/** How many of a group's items are behind, on track, ahead or without a target. */
function CountsText({ counts }: { counts: StateCounts }) {
  const { t } = useTranslation();
  const shown = (['behind', 'on-track', 'ahead', 'no-target'] as const).filter((s) => counts[s]);
  return (
    <span style={{ fontWeight: 400, whiteSpace: 'nowrap' }}>
      {shown.map((s, n) => (
        <span key={s} style={{ color: STATE_COLORS[s] }}>
          {n > 0 ? ' · ' : ''}
          {counts[s]} {t(`progress.state.${s}`).toLowerCase()}
        </span>
      ))}
    </span>
  );
}

/** A group's row of a folded table: its title is the button that opens it. */
export function GroupToggle({
  id,
  testId,
  title,
  counts,
  open,
  onToggle,
}: {
  id: string;
  testId: string;
  title: string;
  counts?: StateCounts;
  open: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <button
      type="button"
      className="group-toggle"
      aria-expanded={open}
      data-testid={testId}
      onClick={() => onToggle(id)}
    >
      <span className="chevron" aria-hidden>
        {open ? '▾' : '▸'}
      </span>
      <Flex wrap gap={8} align="baseline">
        <span>{title}</span>
        {counts ? <CountsText counts={counts} /> : null}
      </Flex>
    </button>
  );
}

/** Above a folded table: how many groups and items, and the button that opens or closes all. */
export function FoldBar({
  groups,
  items,
  allOpen,
  onToggleAll,
  testId,
}: {
  groups: number;
  items: number;
  allOpen: boolean;
  onToggleAll: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary">
        {t('progress.groupsNote', { groups, items })}
      </Typography.Text>
      <Button size="small" data-testid={testId} onClick={onToggleAll}>
        {allOpen ? t('progress.closeAll') : t('progress.openAll')}
      </Button>
    </Flex>
  );
}
