import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useNotices, useReadAllNotices, useReadNotice, type Notice } from '../api/notices';

/** The bell's notices, newest first; following one marks it read. */
export function NoticeList({ onFollow }: { onFollow: () => void }) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const read = useReadNotice();
  const readAll = useReadAllNotices();
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];
  const locale = intlLocale(i18n.language);

  const follow = (n: Notice) => {
    if (!n.readAt) read.mutate(n.id!);
    onFollow();
  };

  return (
    <Flex vertical gap={8}>
      {notices.isError ? (
        <Typography.Text type="danger">{t('error.offline')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('notices.none')}</Typography.Text>
      ) : (
        <ul className="notice-list" aria-label={t('notices.title')}>
          {items.map((n) => (
            <li key={n.id} data-unread={n.readAt ? undefined : 'true'}>
              <Link to={n.link!} onClick={() => follow(n)} className="notice-link">
                <Flex vertical gap={2}>
                  <Flex gap={6} align="baseline" wrap>
                    {n.readAt ? null : <Tag color="magenta">{t('notices.new')}</Tag>}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`notices.kind.${n.kind}`)} · {formatDateTime(n.createdAt ?? '', locale)}
                  </Typography.Text>
                </Flex>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 ? (
        <Button className="tap" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('notices.readAll')}
        </Button>
      ) : null}
    </Flex>
  );
}
