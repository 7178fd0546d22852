import { describe, expect, it } from 'vitest';
import { withMessage } from './messages-by-key';

describe('withMessage', () => {
  it('sets, replaces and removes a message by key', () => {
    const one = withMessage({}, 'I-2.1', 'số nguyên');
    expect(one).toEqual({ 'I-2.1': 'số nguyên' });
    expect(withMessage(one, 'I-2.1', 'quá 100')).toEqual({ 'I-2.1': 'quá 100' });
    expect(withMessage(one, 'I-2.1', undefined)).toEqual({});
  });

  it('gives back the same object when nothing changes', () => {
    const one = { '164': 'số nguyên' };
    expect(withMessage(one, '164', 'số nguyên')).toBe(one);
    expect(withMessage(one, '165', undefined)).toBe(one);
  });
});
