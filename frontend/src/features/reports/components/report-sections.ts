// The report form laid out like the plan, for a phone: a section (I. chỉ tiêu, II. nhiệm vụ), then
// one collapsible group per chỉ tiêu or task group with its heading once and in short form.

import type { FormItem, ValueInput } from '../api/submissions';

export type Group = {
  key: string;
  /** The heading in short form ("6. Tỷ lệ hội viên …"), shown once. */
  heading: string;
  /** The heading as the plan writes it. */
  full: string;
  /** Items under a heading below the group's own ("6.2. …"), each heading once. */
  parts: { title: string; items: FormItem[] }[];
  items: FormItem[];
};

export type Section = { key: string; title: string; groups: Group[] };

/** A heading cut at a word before {@link max} characters, with an ellipsis. */
export function shortHeading(text: string, max = 72): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Items in plan order under their section and group. */
export function sections(items: FormItem[]): Section[] {
  const out: Section[] = [];
  for (const item of items) {
    const sectionKey = item.section ?? '';
    let section = out.find((s) => s.key === sectionKey);
    if (!section) {
      section = { key: sectionKey, title: item.sectionTitle ?? '', groups: [] };
      out.push(section);
    }
    const [top = '', ...rest] = item.groups ?? [];
    const groupKey = `${sectionKey}|${top || item.key}`;
    let group = section.groups.find((g) => g.key === groupKey);
    if (!group) {
      const full = top || (item.label ?? item.title ?? '');
      group = { key: groupKey, heading: shortHeading(full), full, parts: [], items: [] };
      section.groups.push(group);
    }
    group.items.push(item);
    const partTitle = rest.join(' › ');
    let part = group.parts[group.parts.length - 1];
    if (!part || part.title !== partTitle) {
      part = { title: partTitle, items: [] };
      group.parts.push(part);
    }
    part.items.push(item);
  }
  return out;
}

export function isFilled(v: ValueInput | undefined): boolean {
  return v != null && (v.number != null || Boolean(v.status));
}

/**
 * The items a reviewer's reason names ("Mục 2.1", "mục 6.2", "chỉ tiêu 3"), in the order written,
 * as pieces of text and links: a returned report's reason is one tap away from the item.
 */
export function reasonPieces(
  reason: string,
  items: FormItem[],
): ({ text: string } | { text: string; item: string })[] {
  const byCode = new Map<string, string>();
  for (const item of items) {
    const code = item.code ?? /^([\d.]+)\s·/.exec(item.label ?? '')?.[1];
    if (code && item.key && !byCode.has(code)) byCode.set(code, item.key);
  }
  const out: ({ text: string } | { text: string; item: string })[] = [];
  const pattern = /(mục|muc|chỉ tiêu|nhiệm vụ|item)\s+(\d+(?:\.\d+)*)/giu;
  let last = 0;
  for (const m of reason.matchAll(pattern)) {
    const code = m[2] ?? '';
    // "Chỉ tiêu 2" names the group; its first item stands for it.
    const key =
      byCode.get(code) ??
      items.find((i) => (i.code ?? '').startsWith(`${code}.`) || i.code === code)?.key;
    if (!key) continue;
    if (m.index > last) out.push({ text: reason.slice(last, m.index) });
    out.push({ text: m[0], item: key });
    last = m.index + m[0].length;
  }
  if (last < reason.length) out.push({ text: reason.slice(last) });
  return out;
}
