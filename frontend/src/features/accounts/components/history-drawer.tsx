import { Drawer, Empty, List, Typography, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useAccountHistory } from '../api/accounts';

function describe(state: Record<string, unknown> | null | undefined): string {
  if (!state) return '—';
  return Object.entries(state)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}

/** Every change made to an account here: who, when, what, before and after. */
export function AccountHistory({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useAccountHistory(id);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      title={t('accounts.history.title')}
      width="min(520px, 100vw)"
    >
      {history.data?.length === 0 ? <Empty description={t('accounts.history.none')} /> : null}
      <List
        loading={history.isPending && Boolean(id)}
        dataSource={history.data ?? []}
        renderItem={(c, i) => (
          <List.Item key={i}>
            <div>
              <Typography.Text strong>
                {t(`accounts.action.${c.action}`)} · {c.changedBy} ·{' '}
                {formatDateTime(c.changedAt ?? '', intlLocale(i18n.language))}
              </Typography.Text>
              {c.state === 'pending' ? (
                <Tag color="warning" style={{ marginInlineStart: 8 }}>
                  {t('accounts.history.pending')}
                </Tag>
              ) : null}
              {c.before ? (
                <Typography.Paragraph type="secondary" delete style={{ margin: 0 }}>
                  {describe(c.before as Record<string, unknown>)}
                </Typography.Paragraph>
              ) : null}
              <Typography.Paragraph style={{ margin: 0 }}>
                {describe(c.after as Record<string, unknown>)}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
