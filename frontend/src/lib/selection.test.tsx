import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { patchSearch, useSelection } from './selection';

describe('patchSearch', () => {
  it('sets, replaces and removes only the keys it names', () => {
    const next = patchSearch(new URLSearchParams('plan=11-KH-BCH&unit=19&item=I-2.1'), {
      unit: '05908',
      year: 2026,
      item: undefined,
      department: '',
    });
    expect(next.toString()).toBe('plan=11-KH-BCH&unit=05908&year=2026');
  });

  it('keeps the current search as it was', () => {
    const current = new URLSearchParams('tab=term');
    patchSearch(current, { tab: null });
    expect(current.toString()).toBe('tab=term');
  });
});

function renderAt(url: string, push = false) {
  let location = '';
  let selection!: ReturnType<typeof useSelection>;
  function Probe() {
    selection = useSelection({ push });
    const l = useLocation();
    location = l.pathname + l.search;
    return null;
  }
  const router = createMemoryRouter([{ path: '/tien-do', element: <Probe /> }], {
    initialEntries: ['/', url],
    initialIndex: 1,
  });
  renderHook(() => null, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <>
        <RouterProvider router={router} />
        {children}
      </>
    ),
  });
  return { router, selection: () => selection, location: () => location };
}

describe('useSelection', () => {
  it('reads what the URL holds', () => {
    const { selection } = renderAt('/tien-do?unit=19&year=2026');
    expect(selection().get('unit')).toBe('19');
    expect(selection().get('year')).toBe('2026');
    expect(selection().get('period')).toBeUndefined();
  });

  it('lands two changes made in one event', () => {
    const { selection, location } = renderAt('/tien-do?unit=19');
    act(() => {
      selection().select({ year: 2025 });
      selection().select({ tab: 'term' });
    });
    expect(location()).toBe('/tien-do?unit=19&year=2025&tab=term');
  });

  it('replaces the history entry unless asked to add one', () => {
    const replaced = renderAt('/tien-do?unit=19');
    act(() => replaced.selection().select({ department: 'KT' }));
    expect(replaced.router.state.historyAction).toBe('REPLACE');

    const pushed = renderAt('/tien-do?unit=19', true);
    act(() => pushed.selection().select({ unit: '164', item: null }));
    expect(pushed.router.state.historyAction).toBe('PUSH');
    expect(pushed.location()).toBe('/tien-do?unit=164');
  });
});
