import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { retryDelay, retryTransient } from '@/lib/api/retry';
import type { components } from '@/lib/api/schema';
import { REPORT_CHANGES } from '@/lib/api/data-changes';

export type Form = components['schemas']['SubmissionForm'];
export type FormItem = components['schemas']['SubmissionFormItem'];
export type Submission = components['schemas']['Submission'];
export type ValueInput = components['schemas']['SubmissionValueInput'];
export type Queue = components['schemas']['ReviewQueue'];
export type Transition = 'submit' | 'approve' | 'return' | 'reopen';

export type FormKey = { plan: string; period: string; unit?: string };

export function useReportForm(key: FormKey | undefined) {
  return useQuery({
    queryKey: ['submissions', 'form', key],
    queryFn: async () =>
      (await api.GET('/api/v1/submissions/form', { params: { query: key! } })).data!,
    enabled: Boolean(key),
    placeholderData: keepPreviousData,
  });
}

/**
 * Saves the values of a report: the first save creates it, later ones send If-Match. A save that
 * may not have reached the server is retried with the same Idempotency-Key.
 */
export function useSaveReport() {
  return useMutation({
    mutationFn: async (input: {
      key: string;
      plan: string;
      period: string;
      unit: string;
      submission?: { id: number; version: number };
      values: ValueInput[];
    }): Promise<Submission> => {
      if (!input.submission) {
        const { data } = await api.POST('/api/v1/submissions', {
          params: { header: { 'Idempotency-Key': input.key } },
          body: {
            planId: input.plan,
            period: input.period,
            unitCode: input.unit,
            values: input.values,
          },
        });
        return data!;
      }
      const { data } = await api.PUT('/api/v1/submissions/{id}/values', {
        params: {
          path: { id: input.submission.id },
          header: { 'If-Match': `"${input.submission.version}"`, 'Idempotency-Key': input.key },
        },
        body: { values: input.values },
      });
      return data!;
    },
    retry: retryTransient,
    retryDelay,
    networkMode: 'always',
    meta: { invalidates: REPORT_CHANGES },
  });
}

/** Submit, approve, return or reopen, with If-Match and an Idempotency-Key. */
export function useReportTransition() {
  return useMutation({
    mutationFn: async (input: {
      key: string;
      id: number;
      version: number;
      action: Transition;
      reason?: string;
    }): Promise<Submission> => {
      const params = {
        path: { id: input.id },
        header: { 'If-Match': `"${input.version}"`, 'Idempotency-Key': input.key },
      };
      switch (input.action) {
        case 'submit':
          return (await api.POST('/api/v1/submissions/{id}/submit', { params })).data!;
        case 'approve':
          return (await api.POST('/api/v1/submissions/{id}/approve', { params })).data!;
        case 'return':
          return (
            await api.POST('/api/v1/submissions/{id}/return', {
              params,
              body: { reason: input.reason },
            })
          ).data!;
        case 'reopen':
          return (
            await api.POST('/api/v1/submissions/{id}/reopen', {
              params,
              body: { reason: input.reason },
            })
          ).data!;
      }
    },
    retry: retryTransient,
    retryDelay,
    networkMode: 'always',
    meta: { invalidates: REPORT_CHANGES },
  });
}

export function useBulkReview() {
  return useMutation({
    mutationFn: async (input: {
      key: string;
      action: 'approve' | 'return';
      reason?: string;
      submissions: { id: number; version: number }[];
    }) =>
      (
        await api.POST('/api/v1/submissions/review', {
          params: { header: { 'Idempotency-Key': input.key } },
          body: { action: input.action, reason: input.reason, submissions: input.submissions },
        })
      ).data!,
    retry: retryTransient,
    retryDelay,
    networkMode: 'always',
    meta: { invalidates: REPORT_CHANGES },
  });
}

export function useReviewQueue(plan: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['submissions', 'queue', plan, period],
    queryFn: async () =>
      (
        await api.GET('/api/v1/submissions/review-queue', {
          params: { query: { plan: plan!, period } },
        })
      ).data!,
    enabled: Boolean(plan),
    placeholderData: keepPreviousData,
  });
}

export function useSubmission(id: number | undefined) {
  return useQuery({
    queryKey: ['submissions', 'one', id],
    queryFn: async () =>
      (await api.GET('/api/v1/submissions/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export function useDiff(id: number | undefined) {
  return useQuery({
    queryKey: ['submissions', 'diff', id],
    queryFn: async () =>
      (await api.GET('/api/v1/submissions/{id}/diff', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export function useHistory(id: number | undefined, item?: string) {
  return useQuery({
    queryKey: ['submissions', 'history', id, item],
    queryFn: async () =>
      (
        await api.GET('/api/v1/submissions/{id}/history', {
          params: { path: { id: id! }, query: { item } },
        })
      ).data!,
    enabled: id !== undefined,
  });
}
