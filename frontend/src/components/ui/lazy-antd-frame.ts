import { lazy } from 'react';

/**
 * antd's frame (antd-frame.tsx: its theme, its words, its styles), loaded on first use and shared
 * by whatever draws antd first: the page, the account menu or the notices (#25, docs/adr/0020).
 */
export const AntdFrame = lazy(() => import('./antd-frame'));
