import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** No serious or critical axe violation on the page as it is now (hover and focus included). */
export async function expectAccessible(page: Page) {
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
  page: Page,
  period: string,
  households: number,
  makeQuarter = false,
) {
  let headers = await loginAs(page, 'tinh.canbo');
  if (makeQuarter) {
    await page.request.post('/api/v1/periods', {
      headers,
      data: {
        planId: '11-KH-BCH',
        kind: 'quarter',
        year: Number(period.slice(0, 4)),
        number: Number(period.slice(6)),
      },
    });
  }
  const current = await page.request.get(`/api/v1/periods/11-KH-BCH/${period}`, { headers });
  if ((await current.json()).state !== 'open') {
    await page.request.post(`/api/v1/periods/11-KH-BCH/${period}/open`, {
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
  }
  headers = await loginAs(page, 'xa.huongson');
  const created = await page.request.post('/api/v1/submissions', {
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
  const submitted = await page.request.post(`/api/v1/submissions/${report.id}/submit`, {
    headers: { ...headers, 'If-Match': created.headers()['etag']! },
  });
  headers = await loginAs(page, 'huyen.phobinh');
  const approved = await page.request.post(`/api/v1/submissions/${report.id}/approve`, {
    headers: { ...headers, 'If-Match': submitted.headers()['etag']! },
  });
  expect(approved.status()).toBe(200);
}
