import type { CSSProperties, ReactNode } from 'react';

/**
 * A wide table's own sideways scroll at phone width, reachable by keyboard (axe:
 * scrollable-region-focusable). Without it the page itself grows wider than the screen, the
 * phone zooms the whole page out, and a tap lands beside the button it was meant for. (antd's
 * `scroll` prop adds a hidden measuring row that holds focusable content: axe aria-hidden-focus.)
 */
export function ScrollBox({
  label,
  style,
  children,
}: {
  label: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', ...style }}>
      {children}
    </div>
  );
}
