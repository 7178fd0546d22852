import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { isTransient, newIdempotencyKey, retryDelay, retryTransient } from './retry';

describe('retrying writes', () => {
  it('retries only when the answer may not have come back', () => {
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransient(new ApiError({ status: 503 }))).toBe(true);
    expect(isTransient(new ApiError({ status: 409 }))).toBe(false);
    expect(isTransient(new ApiError({ status: 412 }))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });

  it('gives up after three retries and backs off', () => {
    expect(retryTransient(0, new TypeError())).toBe(true);
    expect(retryTransient(2, new TypeError())).toBe(true);
    expect(retryTransient(3, new TypeError())).toBe(false);
    expect([0, 1, 2, 5].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('makes a different key for each action', () => {
    expect(newIdempotencyKey()).not.toEqual(newIdempotencyKey());
  });
});
