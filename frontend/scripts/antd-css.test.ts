import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepRules, reachableFolders } from './antd-css';

const ROOT = join(import.meta.dirname, '..');

describe("antd's static stylesheet", () => {
  it('keeps the rules of the classes asked for, inside media queries too', () => {
    const css =
      '.ant-btn{color:red}.ant-picker .x{color:blue}a{color:green}' +
      '@media (max-width:575px){.ant-btn{margin:0}.ant-picker{margin:1px}}' +
      '@media (min-width:1px){.ant-picker{padding:0}}' +
      '.css-var-_R_0_{--ant-color-primary:#1677ff}' +
      '.ant-table .ant-btn{border:0}';
    expect(keepRules(css, new Set(['btn']))).toBe(
      '.ant-btn{color:red}a{color:green}@media (max-width:575px){.ant-btn{margin:0}}' +
        '.ant-table .ant-btn{border:0}',
    );
  });

  it("follows antd's own imports from what the SPA imports, and no further", () => {
    const folders = reachableFolders(join(ROOT, 'src'), join(ROOT, 'node_modules/antd/es'));
    // imported by the SPA, and brought by Table without being imported
    for (const folder of ['table', 'button', 'menu', 'pagination', 'checkbox', 'dropdown']) {
      expect(folders).toContain(folder);
    }
    // never drawn: the locales reach the date picker's files, not its styles
    for (const folder of ['date-picker', 'cascader', 'color-picker', 'transfer', 'carousel']) {
      expect(folders).not.toContain(folder);
    }
  });

  it('is much less than the whole of antd.css, and has every component the SPA draws', () => {
    const all = readFileSync(join(ROOT, 'node_modules/antd/dist/antd.css'), 'utf8');
    const classes = new Set(['btn', 'table', 'menu', 'input', 'select', 'modal']);
    const kept = keepRules(all, classes);
    expect(kept.length).toBeLessThan(all.length / 2);
    for (const c of classes) expect(kept).toContain(`.ant-${c}{`);
  });
});
