import { Drawer, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useSummaryHistory } from '../api/summary';

type Props = {
  plan: string;
  unit: string;
  period: string;
  open: boolean;
  onClose: () => void;
};

/** Every save of the report: who, when, each part before and after. */
export function HistoryDrawer({ plan, unit, period, open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const history = useSummaryHistory({ plan, unit, period }, open);
  const partName = (part: string) =>
    part.startsWith('paragraph:')
      ? t('summary.history.paragraph', { key: part.slice('paragraph:'.length) })
      : t(`summary.field.${part}`, { defaultValue: part });
  return (
    <Drawer
      title={t('summary.history.title')}
      open={open}
      onClose={onClose}
      width="min(560px, 100vw)"
    >
      {history.data?.length === 0 ? <Empty description={t('summary.history.none')} /> : null}
      <List
        loading={history.isPending}
        dataSource={history.data ?? []}
        renderItem={(c) => (
          <List.Item key={c.version}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Typography.Text strong>
                {t('summary.history.entry', {
                  version: c.version,
                  who: c.changedBy,
                  when: formatDateTime(c.changedAt ?? '', intlLocale(i18n.language)),
                })}
              </Typography.Text>
              {(c.changes ?? []).map((p) => (
                <Flex key={p.part} vertical style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary">{partName(p.part ?? '')}</Typography.Text>
                  <Typography.Text delete type="secondary">
                    {p.before ?? t('summary.history.draft')}
                  </Typography.Text>
                  <Typography.Text>{p.after ?? t('summary.history.draft')}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
