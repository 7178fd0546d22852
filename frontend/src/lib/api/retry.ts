// Requests from a phone on a weak connection: a write that may have reached the server is sent
// again with the same Idempotency-Key, so the server does it once and replays its answer.

import { ApiError } from './client';

/** A fresh key for one user action; retries of that action reuse it. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Whether a failure means "the answer did not come back", not "the server said no". */
export function isTransient(error: unknown): boolean {
  if (error instanceof TypeError) {
    return true; // fetch: network down, connection reset, request aborted
  }
  return error instanceof ApiError && [502, 503, 504].includes(error.status);
}

/** React Query `retry` for writes that carry an Idempotency-Key: up to 3 more tries. */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return failureCount < 3 && isTransient(error);
}

/** 1 s, 2 s, 4 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000);
}
