import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
// antd's styles, made at build time (scripts/antd-css.ts): they come with the first part of the
// app that draws antd, not with the first download
import 'virtual:antd.css';

/**
 * Where antd is drawn: its theme, its words and its message and modal contexts. The frame of the
 * pages (app-shell.tsx) and the login page are drawn without antd, so a phone shows them before
 * antd has arrived (#25); this frame is loaded with the first page, the account menu or the
 * notices, whichever comes first, and shared by all of them.
 */
export default function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : viVN}
      theme={{
        // antd's styles come from a stylesheet made at build time, not written by JavaScript
        // as each component is first drawn: a cheap phone's main thread spent much of its
        // blocking time on that (#25). The tokens below still apply: they are CSS variables the
        // stylesheet reads.
        zeroRuntime: true,
        // Secondary texts darker than antd's default: readable on a phone in daylight (WCAG AA).
        // Hover and active states go darker, not lighter: antd's lighter hover (#d14190 on
        // white, 4.3:1) fails AA while the pointer rests on a button.
        token: {
          // No animations: a cheap phone spends its main thread on the page, not on motion; and
          // a button's loading spinner can never be left mid-animation in its accessible name
          // (it was: "loading Nhập", after an answer faster than the spinner's growth).
          motion: false,
          colorPrimary: '#c41d7f',
          colorPrimaryHover: '#9e1068',
          colorPrimaryActive: '#780650',
          borderRadius: 6,
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextDescription: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          // Warning, success and error texts ("có thay đổi chưa lưu", "đã gửi lúc…", days left)
          // at 5:1 or more on white; antd's defaults (#faad14, #52c41a, #ff4d4f) fail AA.
          colorWarning: '#ad4e00',
          colorSuccess: '#237804',
          colorError: '#cf1322',
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorLinkActive: '#002c8c',
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
