import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * antd's styles as one static stylesheet instead of CSS-in-JS written at run time (antd's
 * `zeroRuntime`, set in app.tsx): on a cheap phone, serialising each component's styles the first
 * time it is drawn was much of the dashboard's blocking time (docs/benchmarks.md, #25).
 *
 * `antd/dist/antd.css` holds every component (1 MB). This plugin serves `virtual:antd.css` with
 * the rules of the components the SPA can reach: the names imported from 'antd' in src/, and
 * everything those components import in turn inside antd (Table brings Pagination, Checkbox,
 * Dropdown…), followed through antd's own modules. A component added to the SPA brings its styles
 * with it; nothing is listed by hand but where antd's folder and its CSS class differ.
 */
const VIRTUAL = 'virtual:antd.css';
const RESOLVED = '\0antd-static.css';

/** antd folders whose CSS classes are named otherwise (the rest: the folder's own name). */
const CLASSES_OF: Record<string, string[]> = {
  button: ['btn', 'button'],
  grid: ['row', 'col'],
  'input-number': ['input'],
  'date-picker': ['picker'],
  'time-picker': ['picker'],
  'color-picker': ['color'],
  'qr-code': ['qrcode'],
  'float-button': ['float'],
  'auto-complete': ['select'],
  'tree-select': ['select', 'tree'],
  badge: ['badge', 'scroll', 'ribbon'],
  list: ['list', 'listy'],
  _util: ['wave', 'motion', 'fade', 'move', 'slide', 'zoom'],
  style: ['css'],
};

/** antd's folders reachable from the names the SPA imports from 'antd'. */
export function reachableFolders(srcDir: string, antdEs: string): Set<string> {
  const index = readFileSync(join(antdEs, 'index.js'), 'utf8');
  const folderOf = new Map(
    [...index.matchAll(/export \{ default as (\w+)[^}]*\} from '\.\/([\w-]+)'/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const start = new Set<string>();
  for (const file of walk(srcDir)) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(
      /import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'antd'/g,
    )) {
      if (/import\s+type\s/.test(m[0])) continue;
      for (const part of m[1]!.split(',')) {
        const name = part
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim();
        if (!name || /^type\s/.test(part.trim())) continue;
        const folder = folderOf.get(name);
        if (folder) start.add(folder);
      }
    }
  }
  // follow antd's own imports, module by module, noting each folder reached
  const folders = new Set<string>(['_util', 'style']);
  const seen = new Set<string>();
  const queue = [...start].map((f) => join(antdEs, f, 'index.js'));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    // a component's styles are needed where its style hook is reached (`<folder>/style/`), not
    // where only its locale or types are (the locales reach the date picker's)
    const [folder, sub] = relative(antdEs, file).split(sep);
    if (sub === 'style') folders.add(folder!);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (!target.startsWith(antdEs)) continue;
      queue.push(existsSync(`${target}.js`) ? `${target}.js` : join(target, 'index.js'));
    }
  }
  return folders;
}

/** The rules of antd.css that style the given classes (`.ant-<class>`), and those of no class. */
export function keepRules(css: string, classes: Set<string>): string {
  const out: string[] = [];
  for (const rule of topLevelRules(css)) {
    const open = rule.indexOf('{');
    const head = rule.slice(0, open);
    if (/^@(media|supports|container)/.test(head)) {
      const inner = keepRules(rule.slice(open + 1, -1), classes);
      if (inner) out.push(`${head}{${inner}}`);
      continue;
    }
    // the default theme's token variables, made for the dist's own ids: app.tsx's theme writes ours
    if (/^\.css-var-/.test(head)) continue;
    const named = [...head.matchAll(/\.ant-([a-z]+)/g)].map((m) => m[1]!);
    if (named.length === 0 || named.some((name) => classes.has(name))) out.push(rule);
  }
  return out.join('');
}

function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return rules;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function antdStaticCss(root: string): Plugin {
  const antdEs = join(root, 'node_modules/antd/es');
  return {
    name: 'kehoach-antd-static-css',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const classes = new Set<string>();
      for (const folder of reachableFolders(join(root, 'src'), antdEs)) {
        (CLASSES_OF[folder] ?? [folder]).forEach((c) => classes.add(c));
      }
      // in a layer of its own: the app's stylesheet (index.css) refines antd wherever they meet,
      // whichever of the two the browser loaded last (antd comes later, with the first page)
      const css = readFileSync(join(root, 'node_modules/antd/dist/antd.css'), 'utf8');
      return `@layer antd{${keepRules(css, classes)}}`;
    },
  };
}
