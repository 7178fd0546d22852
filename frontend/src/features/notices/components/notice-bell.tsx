import { BellOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AntdFrame } from '@/components/ui/lazy-antd-frame';
import { PageLoading } from '@/components/ui/page-loading';
import { Sheet } from '@/components/ui/sheet';
import { useNotices } from '../api/notices';

// The list is drawn with antd, loaded when the bell is first opened: the bell itself is in the
// frame of every page, which is drawn before antd arrives (#25).
const NoticeList = lazy(async () => ({
  default: (await import('./notice-list')).NoticeList,
}));

/**
 * The bell in the header: the reminders of the user (a report due soon or late, reports waiting
 * for review), unread ones marked; opening one goes to the report or the queue it is about and
 * marks it read. A panel under the header on a wide screen, a drawer on a phone.
 */
export function NoticeBell({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [open, setOpen] = useState(false);
  const unread = notices.data?.unread ?? 0;

  return (
    <>
      {/* the count drawn by a span of our own: antd's Badge would add its animation code to
          every first download */}
      <span className="bell">
        <button
          type="button"
          className="kh-btn kh-btn-icon tap"
          aria-label={t('notices.bell', { count: unread })}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(true)}
        >
          <BellOutlined />
        </button>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </span>
      <Sheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('notices.title')}
        side={phone ? 'right' : 'corner'}
      >
        <Suspense fallback={<PageLoading />}>
          <AntdFrame>
            <NoticeList onFollow={() => setOpen(false)} />
          </AntdFrame>
        </Suspense>
      </Sheet>
    </>
  );
}
