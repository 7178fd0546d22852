import { BellOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useNotices, useReadAllNotices, useReadNotice, type Notice } from '../api/notices';

/**
 * The bell in the header: the reminders of the user (a report due soon or late, reports waiting
 * for review), unread ones marked; opening one goes to the report or the queue it is about and
 * marks it read. A popover on a wide screen, a drawer on a phone.
 */
export function NoticeBell({ phone }: { phone: boolean }) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const read = useReadNotice();
  const readAll = useReadAllNotices();
  const [open, setOpen] = useState(false);
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];
  const locale = intlLocale(i18n.language);

  const follow = (n: Notice) => {
    if (!n.readAt) read.mutate(n.id!);
    setOpen(false);
  };

  const list = (
    <Flex
      vertical
      gap={8}
      style={{ width: phone ? '100%' : 380, maxHeight: 480, overflowY: 'auto' }}
    >
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

  // the count drawn by a span of our own: antd's Badge would add its animation code to every
  // first download
  const bell = (
    <span className="bell">
      <Button
        icon={<BellOutlined />}
        className="tap"
        aria-label={t('notices.bell', { count: unread })}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={phone ? () => setOpen(true) : undefined}
      />
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </span>
  );

  if (phone) {
    return (
      <>
        {bell}
        <Drawer
          title={t('notices.title')}
          placement="right"
          open={open}
          onClose={() => setOpen(false)}
          width="100%"
        >
          {list}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notices.title')}
      content={list}
      open={open}
      onOpenChange={setOpen}
    >
      {bell}
    </Popover>
  );
}
