import { defineConfig, devices } from '@playwright/test';

// Browsers come from Debian (apt-get install chromium), never from Playwright's own download.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './e2e',
  outputDir: './target/e2e/results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: './target/e2e/report', open: 'never' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:5174',
    locale: 'vi-VN',
    // A failed story keeps its trace (a DOM snapshot of every step) and a screenshot; the trace's
    // screencast is off: encoding its frames cost a fifth of the stage on two cores (measured on
    // 23 stories: 6.4 → 5.1 min).
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /reform\//,
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
    },
    {
      name: 'phone',
      // Stories tagged ONE_DEVICE (e2e/support.ts) test no screen: once, on the desktop, is enough.
      grepInvert: /@one-device/,
      testIgnore: /reform\//,
      use: {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
    {
      // The 2025 reform applied through the screens: the map of 2023 is gone afterwards, so
      // e2e/run-e2e.sh runs it last, on a database of its own.
      name: 'reform',
      testDir: './e2e/reform',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
    },
  ],
});
