import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export { expect };

/**
 * Playwright's `test`, plus a trail of what the app was told: every API answer of 400 or more
 * (with its problem's title and detail), every request that got no answer, every script error and
 * the alerts on the screen when a story fails. A CI log holds only what is printed, and a
 * screenshot of "Bị trả lại" does not say which request refused what; the trail is printed under
 * the failure (a text attachment) and is empty for a story that passes.
 */
export const test = base.extend<{ trail: void }>({
  trail: [
    async ({ page }, use, info) => {
      const lines: string[] = [];
      const started = Date.now();
      const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
      const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
      page.on('response', (response) => {
        if (!response.url().includes('/api/') || response.status() < 400) return;
        const line = `${at()} ${response.request().method()} ${path(response.url())} → ${response.status()}`;
        response
          .json()
          .then((p: { title?: string; detail?: string }) =>
            lines.push(`${line} ${p.title ?? ''}: ${p.detail ?? ''}`.slice(0, 400)),
          )
          .catch(() => lines.push(line));
      });
      page.on('requestfailed', (request) => {
        if (request.url().includes('/api/')) {
          lines.push(
            `${at()} ${request.method()} ${path(request.url())} → no answer (${request.failure()?.errorText ?? '?'})`,
          );
        }
      });
      page.on('pageerror', (error) => lines.push(`${at()} script error: ${error.message}`));
      await use();
      if (info.status === info.expectedStatus) return;
      const alerts = await page
        .locator('[role="alert"], .ant-alert, .ant-message-notice')
        .allInnerTexts()
        .catch(() => []);
      for (const alert of alerts) {
        lines.push(`on the screen at the end: ${alert.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
      await info.attach('what the app was told', {
        body: lines.length > 0 ? lines.join('\n') : '(no refused or lost request, no alert)',
        contentType: 'text/plain',
      });
    },
    { auto: true },
  ],
});

export const PASSWORD = 'Demo@2026-lhpn';

/** Logs in through the real Keycloak login page of realm lhpn. */
export async function login(page: Page, username: string, path = '/') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/realms\/lhpn\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
}

/**
 * No serious or critical axe violation on the page once it is at rest (hover and focus included), and
 * nothing wider than the screen: a phone zooms such a page out, and a tap then lands beside the
 * button it was meant for.
 */
export async function expectAccessible(page: Page) {
  const screen = page.viewportSize()?.width;
  if (screen) {
    const page_ = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(page_, `the page is ${page_} px wide on a ${screen} px screen`).toBeLessThanOrEqual(
      screen,
    );
  }
  // At rest: a toast fading out (or a panel sliding in) has colours between two states, and axe
  // measures a contrast nobody reads. A toast leaves on its own after 3 s, so one still shown
  // could start fading in the middle of the scan: wait for it to go. Endless animations (a
  // spinner) are not waited for.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity,
      ),
  );
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
      ),
  ).toEqual([]);
}

/** The access token of the user logged in on this page (to set up data through the API). */
export async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(window.sessionStorage).find((k) => k.startsWith('oidc.user:'));
    return (JSON.parse(window.sessionStorage.getItem(key!)!) as { access_token: string })
      .access_token;
  });
}

/** Logs in afresh as another user and returns the headers to call the API as them. */
export async function loginAs(page: Page, user: string): Promise<Record<string, string>> {
  await page.context().clearCookies();
  await page.goto('/dang-nhap');
  await page.evaluate(() => window.sessionStorage.clear());
  await login(page, user, '/ky-bao-cao');
  await expect(page.getByRole('heading', { name: 'Kỳ báo cáo' })).toBeVisible();
  return { Authorization: `Bearer ${await tokenOf(page)}` };
}

/**
 * Through the API: the province planner opens a period (a quarter is made first when asked),
 * Hương Sơn (05908) reports households for item I-2.1, and Phú Bình approves the report.
 */
export async function approvedHouseholds(
  request: APIRequestContext,
  period: string,
  households: number,
  makeQuarter = false,
) {
  let headers = await bearer(request, 'tinh.canbo');
  if (makeQuarter) {
    await request.post('/api/v1/periods', {
      headers,
      data: {
        planId: '11-KH-BCH',
        kind: 'quarter',
        year: Number(period.slice(0, 4)),
        number: Number(period.slice(6)),
      },
    });
  }
  const current = await request.get(`/api/v1/periods/11-KH-BCH/${period}`, { headers });
  if ((await current.json()).state !== 'open') {
    await request.post(`/api/v1/periods/11-KH-BCH/${period}/open`, {
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
  }
  headers = await bearer(request, 'xa.huongson');
  const created = await request.post('/api/v1/submissions', {
    headers,
    data: {
      planId: '11-KH-BCH',
      period,
      unitCode: '05908',
      values: [{ item: 'I-2.1', number: households }],
    },
  });
  expect(created.status()).toBe(201);
  const report = await created.json();
  const submitted = await request.post(`/api/v1/submissions/${report.id}/submit`, {
    headers: { ...headers, 'If-Match': created.headers()['etag']! },
  });
  headers = await bearer(request, 'huyen.phobinh');
  const approved = await request.post(`/api/v1/submissions/${report.id}/approve`, {
    headers: { ...headers, 'If-Match': submitted.headers()['etag']! },
  });
  expect(approved.status()).toBe(200);
}

export const KEYCLOAK = process.env.E2E_KEYCLOAK ?? 'http://localhost:8181';
export const API = process.env.E2E_API_A ?? 'http://localhost:8082';

/** The headers to call the API as a demo user (a token from the tests' password-grant client). */
export async function bearer(request: APIRequestContext, username: string) {
  const r = await request.post(`${KEYCLOAK}/realms/lhpn/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'kehoach-cli', username, password: PASSWORD },
  });
  expect(r.status()).toBe(200);
  return { Authorization: `Bearer ${(await r.json()).access_token}` };
}

/**
 * Through the API, on any database state (so a spec can run again): a quarter opened by the
 * province planner, and Hương Sơn's (05908) report of it submitted with households for I-2.1;
 * an approved report from an earlier run is reopened by Phú Bình first.
 */
export async function submittedHouseholds(
  request: APIRequestContext,
  period: string,
  households: number,
) {
  const province = await bearer(request, 'tinh.canbo');
  await request.post(`${API}/api/v1/periods`, {
    headers: province,
    data: {
      planId: '11-KH-BCH',
      kind: 'quarter',
      year: Number(period.slice(0, 4)),
      number: Number(period.slice(6)),
    },
  });
  const current = await request.get(`${API}/api/v1/periods/11-KH-BCH/${period}`, {
    headers: province,
  });
  if ((await current.json()).state !== 'open') {
    await request.post(`${API}/api/v1/periods/11-KH-BCH/${period}/open`, {
      headers: { ...province, 'If-Match': current.headers()['etag']! },
    });
  }
  const commune = await bearer(request, 'xa.huongson');
  const form = await request.get(
    `${API}/api/v1/submissions/form?plan=11-KH-BCH&period=${period}&unit=05908`,
    { headers: commune },
  );
  const existing = (await form.json()).submission as
    { id: number; state: string; version: number } | undefined;
  let id: number;
  let etag: string;
  if (!existing) {
    const created = await request.post(`${API}/api/v1/submissions`, {
      headers: commune,
      data: { planId: '11-KH-BCH', period, unitCode: '05908' },
    });
    expect(created.status()).toBe(201);
    id = (await created.json()).id;
    etag = created.headers()['etag']!;
  } else {
    id = existing.id;
    etag = `"${existing.version}"`;
    if (existing.state === 'approved' || existing.state === 'submitted') {
      const back = await request.post(
        `${API}/api/v1/submissions/${id}/${existing.state === 'approved' ? 'reopen' : 'return'}`,
        {
          headers: { ...(await bearer(request, 'huyen.phobinh')), 'If-Match': etag },
          data: { reason: 'Chạy lại kiểm thử / test run again' },
        },
      );
      expect(back.status()).toBe(200);
      etag = back.headers()['etag']!;
    }
  }
  const saved = await request.put(`${API}/api/v1/submissions/${id}/values`, {
    headers: { ...commune, 'If-Match': etag },
    data: { values: [{ item: 'I-2.1', number: households }] },
  });
  expect(saved.status()).toBe(200);
  const submitted = await request.post(`${API}/api/v1/submissions/${id}/submit`, {
    headers: { ...commune, 'If-Match': saved.headers()['etag']! },
  });
  expect(submitted.status()).toBe(200);
}

/**
 * For a story whose screen is not what it tests (a download, a refusal, a header, a second tab):
 * the phone project leaves it out (playwright.config.ts), the desktop one runs it. Every screen
 * a user works with still runs at phone width.
 */
export const ONE_DEVICE = { tag: '@one-device' };
