import { describe, expect, it } from 'vitest';
import type { FormItem } from '../api/submissions';
import { reasonPieces, sections, shortHeading } from './report-sections';

const item = (key: string, code: string | undefined, groups: string[], label?: string): FormItem =>
  ({
    key,
    code,
    title: `title ${key}`,
    label: label ?? `${code}. title ${key}`,
    section: 'I',
    sectionTitle: 'CÁC CHỈ TIÊU',
    groups,
  }) as FormItem;

const SIX =
  '6. Tỷ lệ cán bộ Hội cơ sở được tập huấn nghiệp vụ công tác Hội hằng năm đạt từ 90% trở lên';

describe('report sections', () => {
  const items = [
    item('I-2.1', '2.1', ['2. Giúp hộ nghèo']),
    item('I-6.1', '6.1', [SIX]),
    item('I-6.2.b1', undefined, [SIX, '6.2. Chi hội'], '6.2 · Chi hội trưởng'),
    item('I-6.2.b2', undefined, [SIX, '6.2. Chi hội'], '6.2 · Chi hội phó'),
  ];

  it('gives each chỉ tiêu one group, its heading once, its parts once each', () => {
    const section = sections(items)[0]!;
    expect(section.groups.map((g) => g.items.length)).toEqual([1, 3]);
    const six = section.groups[1]!;
    expect(six.parts.map((p) => p.title)).toEqual(['', '6.2. Chi hội']);
    expect(six.parts[1]!.items.map((i) => i.key)).toEqual(['I-6.2.b1', 'I-6.2.b2']);
    expect(six.heading.length).toBeLessThanOrEqual(72);
    expect(six.heading.endsWith('…')).toBe(true);
    expect(six.full).toBe(SIX);
  });

  it('cuts a long heading at a word', () => {
    expect(shortHeading('ngắn')).toBe('ngắn');
    expect(shortHeading(SIX, 30)).toBe('6. Tỷ lệ cán bộ Hội cơ sở…');
  });

  it('turns the items a reason names into links', () => {
    expect(reasonPieces('Mục 2.1 thiếu minh chứng; xem lại mục 6.2.', items)).toEqual([
      { text: 'Mục 2.1', item: 'I-2.1' },
      { text: ' thiếu minh chứng; xem lại ' },
      { text: 'mục 6.2', item: 'I-6.2.b1' },
      { text: '.' },
    ]);
    expect(reasonPieces('Thiếu số liệu mục 9.9', items)).toEqual([
      { text: 'Thiếu số liệu mục 9.9' },
    ]);
  });
});
