import { act, renderHook, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/client';
import type { FormItem } from '../api/submissions';
import { useReportDraft } from './use-report-draft';
import { useReportSave } from './use-report-save';

// The server's side is played here: what a save and a submission answer.
const save = vi.fn();
const transition = vi.fn();
let online = true;
vi.mock('../api/submissions', () => ({
  useSaveReport: () => ({ mutateAsync: save, isPending: false }),
  useReportTransition: () => ({ mutateAsync: transition, isPending: false }),
}));
vi.mock('@/lib/online', () => ({ isOnline: () => online, useOnline: () => online }));
vi.mock('react-i18next', () => ({
  useTranslation: () => ({
    t: (key: string, values?: Record<string, unknown>) =>
      values ? `${key} ${JSON.stringify(values)}` : key,
    i18n: { language: 'vi' },
  }),
}));

const formKey = { plan: '11-KH-BCH', period: '2026-H2', unit: '05908' };
const items = [{ key: 'I-2.1', value: { number: 3 } }] as unknown as FormItem[];

/** The form as react-query holds it; `refetch` answers what the server now has. */
function fakeForm(submission?: { id: number; version: number }, now: FormItem[] = items) {
  const form = {
    data: { items, canEdit: true, submission },
    refetch: vi.fn(async () => ({ data: { items: now, submission: form.fresh } })),
    fresh: submission as { id: number; version: number } | undefined,
  };
  return form;
}

function render(form: ReturnType<typeof fakeForm>) {
  return renderHook(
    () => {
      const draft = useReportDraft({ owner: 'u-1', ...formKey }, items);
      const sending = useReportSave(formKey, form as never, draft);
      return { draft, sending };
    },
    { wrapper: ({ children }: { children: ReactNode }) => <App>{children}</App> },
  );
}

const problem = (status: number) => new ApiError({ status, title: 'x', detail: `HTTP ${status}` });

describe('useReportSave', () => {
  beforeEach(() => {
    localStorage.clear();
    save.mockReset();
    transition.mockReset();
    online = true;
  });

  it('creates the report on the first save; after a dropped connection the same request goes again by itself', async () => {
    save.mockRejectedValueOnce(new TypeError('network down'));
    save.mockResolvedValueOnce({ id: 7, version: 1 });
    const { result } = render(fakeForm());
    act(() => result.current.draft.edit({ item: 'I-2.1', number: 5 }));
    await act(async () => void (await result.current.sending.saveDraft()));
    // the edits waited on the device with the key they were sent with, and went again with it
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    const [first, second] = save.mock.calls.map((c) => c[0]);
    expect(first.submission).toBeUndefined();
    expect(second.key).toBe(first.key);
    expect(second.values).toEqual(first.values);
    await waitFor(() => expect(result.current.draft.dirty).toBe(false));
    expect(result.current.draft.waiting).toBeUndefined();
    expect(result.current.sending.problem).toBeUndefined();
  });

  it('saves onto the report an earlier attempt already created', async () => {
    save.mockRejectedValueOnce(problem(409));
    save.mockResolvedValueOnce({ id: 7, version: 2 });
    const form = fakeForm();
    form.fresh = { id: 7, version: 1 };
    const { result } = render(form);
    act(() => result.current.draft.edit({ item: 'I-2.1', number: 5 }));
    let saved: unknown;
    await act(async () => void (saved = await result.current.sending.saveDraft()));
    expect(save.mock.calls[1]![0].submission).toEqual({ id: 7, version: 1 });
    expect(saved).toEqual({ id: 7, version: 2 });
  });

  it('shows both values when someone else saved meanwhile, and keeps what was typed', async () => {
    save.mockRejectedValueOnce(problem(412));
    const theirs = [{ key: 'I-2.1', value: { number: 9 } }] as unknown as FormItem[];
    const { result } = render(fakeForm({ id: 7, version: 1 }, theirs));
    act(() => result.current.draft.edit({ item: 'I-2.1', number: 5 }));
    await act(async () => void (await result.current.sending.saveDraft()));
    expect(result.current.sending.problem).toBe('reports.conflict');
    expect(result.current.sending.errors['I-2.1']).toContain('9');
    expect(result.current.draft.valueOf('I-2.1')?.number).toBe(5);
  });

  it('sends nothing without a connection: the edits wait with their key', async () => {
    online = false;
    const { result } = render(fakeForm());
    act(() => result.current.draft.edit({ item: 'I-2.1', number: 5 }));
    await act(async () => void (await result.current.sending.saveDraft()));
    expect(save).not.toHaveBeenCalled();
    expect(result.current.draft.waiting?.key).toBeTruthy();
    expect(JSON.parse(result.current.draft.waiting!.body).values).toEqual([
      { item: 'I-2.1', number: 5 },
    ]);
  });

  it('saves what is typed before submitting it', async () => {
    save.mockResolvedValueOnce({ id: 7, version: 2 });
    transition.mockResolvedValueOnce({});
    const { result } = render(fakeForm({ id: 7, version: 1 }));
    act(() => result.current.draft.edit({ item: 'I-2.1', number: 5 }));
    await act(async () => void (await result.current.sending.submit()));
    expect(save.mock.calls[0]![0].submission).toEqual({ id: 7, version: 1 });
    expect(transition.mock.calls[0]![0]).toMatchObject({ id: 7, version: 2, action: 'submit' });
    expect(result.current.sending.sentAt).toBeInstanceOf(Date);
  });
});
