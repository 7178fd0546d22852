// Lighthouse on the pages officials use most, logged in as they are: the province's dashboard
// (/tien-do, tinh.lanhdao) and a commune's report entry (/bao-cao, xa.hungson). Run by
// infra/bench/lighthouse.sh, which starts the stack and installs Lighthouse 12.2.3 beside it;
// by hand: node infra/bench/lighthouse.mjs WEB_URL OUT_DIR
//
// Debian's Chromium through puppeteer-core (never a downloaded browser); the real Keycloak login
// form; then a Lighthouse navigation of the page in the same tab (the SPA keeps its tokens in
// sessionStorage, which a same-tab navigation keeps: disableStorageReset). Lighthouse's default
// settings: a mid-range phone on a slow 4G connection, simulated.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [web, out] = process.argv.slice(2);
const require = createRequire(`${out}/lighthouse/`);
const puppeteer = require('puppeteer-core');
const { startFlow } = await import(require.resolve('lighthouse'));

const PASSWORD = 'Demo@2026-lhpn';
const pages = [
  { name: 'dashboard', user: 'tinh.lanhdao', path: '/tien-do' },
  { name: 'report-entry', user: 'xa.hungson', path: '/bao-cao?period=2026-H2' },
];

let failed = false;
for (const p of pages) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${web}/dang-nhap`, { waitUntil: 'networkidle0' });
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => /Đăng nhập/.test(b.textContent))?.click(),
      ),
    ]);
    await page.type('#username', p.user);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
    await page.waitForFunction(
      (origin) => location.origin === origin && !location.pathname.startsWith('/dang-nhap'),
      {},
      new URL(web).origin,
    );
    const flow = await startFlow(page, {
      name: p.name,
      config: {
        extends: 'lighthouse:default',
        settings: { onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
      },
    });
    await flow.navigate(`${web}${p.path}`, { name: p.name });
    const [step] = (await flow.createFlowResult()).steps;
    const lhr = step.lhr;
    writeFileSync(`${out}/lighthouse-${p.name}.html`, await flow.generateReport());
    writeFileSync(`${out}/lighthouse-${p.name}.json`, JSON.stringify(lhr));
    if (lhr.finalDisplayedUrl.includes('/realms/') || lhr.finalDisplayedUrl.includes('/dang-nhap')) {
      console.error(`${p.name}: ended at ${lhr.finalDisplayedUrl}, not the page`);
      failed = true;
    }
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const ms = (a) => `${Math.round(lhr.audits[a].numericValue)} ms`;
    console.log(
      `RESULT ${p.name} (${p.user}, ${p.path}): performance ${score('performance')}, ` +
        `accessibility ${score('accessibility')}; FCP ${ms('first-contentful-paint')}, ` +
        `LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, ` +
        `CLS ${lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)}`,
    );
    const longest = (lhr.audits['bootup-time'].details?.items ?? [])
      .slice(0, 3)
      .map((i) => `${i.url.replace(web, '')} ${Math.round(i.scripting)} ms`);
    console.log(`  scripting, simulated: ${longest.join('; ')}`);
    for (const a of Object.values(lhr.audits)) {
      if (
        lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id) &&
        a.score !== null &&
        a.score < 1
      ) {
        console.log(`  accessibility: ${a.id}: ${a.title}`);
      }
    }
  } finally {
    await browser.close();
  }
}
process.exit(failed ? 1 : 0);
