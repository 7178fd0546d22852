import { describe, expect, it } from 'vitest';
import { fold } from './text';

describe('fold', () => {
  it('ignores diacritics, đ and case', () => {
    expect(fold('Thị trấn Hùng Sơn')).toBe('thi tran hung son');
    expect(fold('ĐẠI TỪ')).toBe('dai tu');
    expect(fold('  Hóa   Thượng ')).toBe('hoa thuong');
  });
});
