// The JavaScript a first visit downloads before anything is shown: every script dist/index.html
// loads or preloads, gzip-compressed as a server sends it (level 6). Prints the list and the total
// and fails above the budget (KB), so the first download never grows by accident.
//
//   node scripts/initial-js.mjs [budget-kb]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgetKb = Number(process.argv[2] ?? 360);
const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
const files = [
  ...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1])),
];
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(new URL(`../dist${file}`, import.meta.url)), {
    level: 6,
  }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} KB  initial JavaScript (gzip), budget ${budgetKb} KB`,
);
if (total > budgetKb * 1024) {
  console.error(
    `initial JavaScript over its budget by ${((total - budgetKb * 1024) / 1024).toFixed(1)} KB`,
  );
  process.exit(1);
}
