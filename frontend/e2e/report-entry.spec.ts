import { type Page } from '@playwright/test';
import { expect, expectAccessible, login, test, tokenOf } from './support';

/** A quarter of the plan, created and opened by the province planner. */
async function openQuarter(page: Page, code: string) {
  await login(page, 'tinh.canbo', '/ky-bao-cao');
  await expect(page.getByRole('heading', { name: 'Kỳ báo cáo' })).toBeVisible();
  const headers = { Authorization: `Bearer ${await tokenOf(page)}` };
  await page.request.post('/api/v1/periods', {
    headers,
    data: {
      planId: '11-KH-BCH',
      kind: 'quarter',
      year: Number(code.slice(0, 4)),
      number: Number(code.slice(6)),
    },
  });
  const current = await page.request.get(`/api/v1/periods/11-KH-BCH/${code}`, { headers });
  if ((await current.json()).state !== 'open') {
    const opened = await page.request.post(`/api/v1/periods/11-KH-BCH/${code}/open`, {
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
    expect(opened.status()).toBe(200);
  }
  await page.context().clearCookies();
  await page.evaluate(() => window.sessionStorage.clear());
}

test('numbers are typed the Vietnamese way and the server holds exactly what was meant', async ({
  page,
}, info) => {
  const period = info.project.name === 'phone' ? '2026-Q3' : '2026-Q4';
  await openQuarter(page, period);
  await login(page, 'xa.hungson', `/bao-cao?period=${period}`);
  await expect(page.getByTestId('report-state')).toHaveText('Chưa báo cáo');

  await page.getByTestId('group-I-2').click();
  const count = page.locator('#item-I-2\\.1');
  await count.fill('2,5');
  await expect(page.getByTestId('item-I-2.1')).toContainText('Số lượng phải là số nguyên.');
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toBeDisabled();
  await count.fill('1.500');
  await count.blur();
  await expect(count).toHaveValue('1.500');

  await page.getByTestId('group-I-5').click();
  const rate = page.locator('#item-I-5\\.3');
  await rate.fill('150');
  await expect(page.getByTestId('item-I-5.3')).toContainText('Tỷ lệ không quá 100 %.');
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toBeDisabled();
  await rate.fill('2.5');
  await expect(page.getByTestId('item-I-5.3')).toContainText('phần thập phân dùng dấu phẩy');
  await rate.fill('2,5');
  await expect(page.getByTestId('item-I-5.3').getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp')).toBeVisible();

  // The API holds exactly 1500 and 2.5.
  const form = await page.request.get(
    `/api/v1/submissions/form?plan=11-KH-BCH&period=${period}&unit=05761`,
    { headers: { Authorization: `Bearer ${await tokenOf(page)}` } },
  );
  const items = (await form.json()).items as { key: string; value?: { number?: number } }[];
  expect(items.find((i) => i.key === 'I-2.1')?.value?.number).toBe(1500);
  expect(items.find((i) => i.key === 'I-5.3')?.value?.number).toBe(2.5);
});

test('a long report opens as headings with counters and leads to what is left', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'phone', 'the height is what matters on a phone');
  await login(page, 'xa.phucluong', '/bao-cao?period=2026-H2');
  await expect(page.getByTestId('filled-count')).toBeVisible();
  await expect(page.getByTestId('group-I-2')).toBeVisible();
  // Closed groups: at most three screens tall until one is opened.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screen = page.viewportSize()!.height;
  expect(height).toBeLessThanOrEqual(3 * screen);
  // Each heading once, in short form, with its counter.
  await expect(page.getByTestId('group-I-6')).toHaveCount(1);
  await expect(page.getByTestId('group-I-6')).toHaveText(/…$/);

  // "Next item not entered" opens its group and puts the cursor in it.
  await page.getByRole('button', { name: 'Mục chưa nhập tiếp theo' }).click();
  await expect(page.locator('.report-item :focus')).toHaveCount(1);
  // Note and evidence are one tap away, with visible labels.
  await page.getByRole('button', { name: '+ Ghi chú / minh chứng' }).first().click();
  await expect(page.getByText('Ghi chú', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Minh chứng', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});
