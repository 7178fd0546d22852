import { describe, expect, it } from 'vitest';
import { inLanguage } from './problem-language';

describe('a bilingual server message read in one language', () => {
  it('keeps the Vietnamese or the English side', () => {
    const text = 'Chỉ cán bộ kế hoạch được sửa / Only a planner may change it';
    expect(inLanguage(text, 'vi')).toBe('Chỉ cán bộ kế hoạch được sửa');
    expect(inLanguage(text, 'en')).toBe('Only a planner may change it');
  });

  it('keeps field names and every pair of a list', () => {
    const text =
      'rows[0].value: không được âm / must not be negative; rows[1].unitCode: lặp / twice';
    expect(inLanguage(text, 'vi')).toBe('rows[0].value: không được âm; rows[1].unitCode: lặp');
    expect(inLanguage(text, 'en')).toBe(
      'rows[0].value: must not be negative; rows[1].unitCode: twice',
    );
  });

  it('leaves a message in one language as it is', () => {
    expect(inLanguage('Không có báo cáo 7', 'en')).toBe('Không có báo cáo 7');
    expect(inLanguage(undefined, 'vi')).toBeUndefined();
  });
});
