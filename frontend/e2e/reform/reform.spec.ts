import { fileURLToPath } from 'node:url';
import { type APIRequestContext, type Page } from '@playwright/test';
import { API, bearer, expect, expectAccessible, KEYCLOAK, login, PASSWORD, test } from '../support';

// The real GSO files the seed reads (backend/src/main/resources/seed/org-units/SOURCE.md): the
// lineage of every change 2023-2025 and the 92 communes of the merged province.
const seed = (file: string) =>
  fileURLToPath(
    new URL(`../../../backend/src/main/resources/seed/org-units/${file}`, import.meta.url),
  );
const LINEAGE = seed('thai-nguyen-unit-changes.csv');
const UNITS_2025 = seed('thai-nguyen-units-2025.csv');

async function choose(page: Page, testId: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles(path);
}

async function switchUser(page: Page, username: string, path: string) {
  await page.context().clearCookies();
  await page.evaluate(() => window.sessionStorage.clear());
  await login(page, username, path);
}

/** Through the API: the province planner opens a period if it is not open. */
async function openPeriod(request: APIRequestContext, period: string) {
  const province = await bearer(request, 'tinh.canbo');
  const current = await request.get(`${API}/api/v1/periods/11-KH-BCH/${period}`, {
    headers: province,
  });
  if ((await current.json()).state !== 'open') {
    const opened = await request.post(`${API}/api/v1/periods/11-KH-BCH/${period}/open`, {
      headers: { ...province, 'If-Match': current.headers()['etag']! },
    });
    expect(opened.status()).toBe(200);
  }
}

/** Through the API: a unit's report of a period, with households for I-2.1, approved. */
async function approved(
  request: APIRequestContext,
  period: string,
  unit: string,
  reporter: string,
  reviewer: string,
  households: number,
) {
  await openPeriod(request, period);
  const commune = await bearer(request, reporter);
  const created = await request.post(`${API}/api/v1/submissions`, {
    headers: commune,
    data: {
      planId: '11-KH-BCH',
      period,
      unitCode: unit,
      values: [{ item: 'I-2.1', number: households }],
    },
  });
  expect(created.status()).toBe(201);
  const submitted = await request.post(
    `${API}/api/v1/submissions/${(await created.json()).id}/submit`,
    {
      headers: { ...commune, 'If-Match': created.headers()['etag']! },
    },
  );
  expect(submitted.status()).toBe(200);
  const done = await request.post(
    `${API}/api/v1/submissions/${(await created.json()).id}/approve`,
    {
      headers: {
        ...(await bearer(request, reviewer)),
        'If-Match': submitted.headers()['etag']!,
      },
    },
  );
  expect(done.status()).toBe(200);
}

test('the province goes onto the map of 01/07/2025: the admin applies the changes, the planner allocates to the 92 communes, a new commune reports, the province approves, the leader reads the term across both maps', async ({
  page,
  request,
}) => {
  // Two change sets, a 92-column allocation and five logins on a 2-core machine.
  test.setTimeout(300_000);

  // Before the reform: Thị trấn Hương Sơn (05908, Huyện Phú Bình) reported 2024, approved by its
  // district. On 01/07/2025 it goes into the new Xã Phú Bình, which takes over its code.
  await approved(request, '2024', '05908', 'xa.huongson', 'huyen.phobinh', 7);
  // Xã Thượng Đình (05932), split on 01/07/2025 between Phú Bình and Điềm Thụy, had started its
  // report of the second half of 2025 before the reform was loaded, by a reporter the province
  // admin made for it (its temporary password set for the test through Keycloak's admin API).
  const reporter = `thuongdinh.${Date.now().toString(36)}`;
  const account = await request.post(`${API}/api/v1/accounts`, {
    headers: await bearer(request, 'admin'),
    data: { username: reporter, unit: '05932', roles: ['reporter'], lastName: 'Thượng Đình' },
  });
  expect(account.status()).toBe(201);
  const token = await request.post(`${KEYCLOAK}/realms/lhpn/protocol/openid-connect/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'kehoach-admin',
      client_secret: 'demo-admin-secret',
    },
  });
  const found = await request.get(
    `${KEYCLOAK}/admin/realms/lhpn/users?username=${reporter}&exact=true`,
    { headers: { Authorization: `Bearer ${(await token.json()).access_token}` } },
  );
  const [user] = (await found.json()) as { id: string }[];
  const reset = await request.put(
    `${KEYCLOAK}/admin/realms/lhpn/users/${user!.id}/reset-password`,
    {
      headers: { Authorization: `Bearer ${(await token.json()).access_token}` },
      data: { type: 'password', value: PASSWORD, temporary: false },
    },
  );
  expect(reset.status()).toBe(204);
  await openPeriod(request, '2025-H2');
  const draft = await request.post(`${API}/api/v1/submissions`, {
    headers: await bearer(request, reporter),
    data: {
      planId: '11-KH-BCH',
      period: '2025-H2',
      unitCode: '05932',
      values: [{ item: 'I-2.1', number: 2 }],
    },
  });
  expect(draft.status()).toBe(201);

  // 1. The province admin applies the mergers of 01/12/2024, then the reform of 01/07/2025, each
  //    checked by a dry run first.
  await login(page, 'admin', '/don-vi/thay-doi');
  await expect(page.getByRole('heading', { name: 'Thay đổi đơn vị hành chính' })).toBeVisible();
  const report = page.getByTestId('change-set-report');
  const applied = page.getByRole('region', { name: 'Các đợt đã áp dụng' });

  await choose(page, 'pick-lineage', LINEAGE);
  await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('01/12/2024');
  await page.getByTestId('change-set-check').click();
  await expect(report).toContainText('từ ngày 01/12/2024 không có vấn đề');
  await expect(report).toContainText('1 / 11 / 172');
  await page.getByTestId('change-set-apply').click();
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Áp dụng' }).click();
  await expect(report).toContainText('Đã áp dụng đợt thay đổi');

  await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('');
  await choose(page, 'pick-lineage', LINEAGE);
  await choose(page, 'pick-units', UNITS_2025);
  await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('01/07/2025');
  await page.getByTestId('change-set-check').click();
  await expect(report).toContainText('từ ngày 01/07/2025 không có vấn đề', {
    timeout: 30_000,
  });
  // Bắc Kạn's communes come in; no district is left.
  await expect(report).toContainText('1 / 94');
  await expectAccessible(page);
  await page.getByTestId('change-set-apply').click();
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Áp dụng' }).click();
  await expect(report).toContainText('Đã áp dụng đợt thay đổi', {
    timeout: 60_000,
  });
  await expect(applied.getByRole('row')).toHaveCount(3); // a heading row and the two sets

  // What the reform could not move: the split commune's report. The admin moves it to Phú Bình.
  const left = page.getByRole('region', {
    name: 'Dữ liệu còn trên đơn vị đã thôi hoạt động',
  });
  const leftRow = left.getByRole('row').filter({ hasText: 'Xã Thượng Đình (05932)' });
  await expect(leftRow).toContainText('1 báo cáo từ kỳ 6 tháng cuối năm 2025');
  await expect(leftRow).toContainText('Xã Phú Bình (05908), Xã Điềm Thụy (05941)');
  await leftRow.getByTestId('decide-05932-reports').click();
  const decision = page.getByRole('dialog');
  await decision.getByRole('radio', { name: 'Chuyển sang Xã Phú Bình (05908)' }).check();
  await decision
    .getByLabel('Lý do, căn cứ')
    .fill('Thôn Thượng Đình về Xã Phú Bình (biên bản 3/BB)');
  await decision.getByRole('button', { name: 'Lưu quyết định' }).click();
  await expect(decision).toBeHidden();
  await expect(leftRow).toHaveCount(0);
  await expectAccessible(page);

  // The units of today: no district, the new Xã Phú Bình under the province.
  await page.goto('/don-vi?q=phu binh');
  await expect(page.getByText('Xã Phú Bình', { exact: true })).toBeVisible();
  await expect(page.getByText('Huyện Phú Bình', { exact: true })).toHaveCount(0);

  // 2. The province planner allocates 2026 straight to the communes: 92 inputs and the two
  //    affiliated units, no district.
  await switchUser(page, 'tinh.canbo', '/chi-tieu?item=I-2.1&year=2026&parent=19');
  await expect(page.getByTestId('parent-target')).toHaveText('500');
  await expect(page.getByRole('textbox', { name: /^(Xã|Phường) / })).toHaveCount(92);
  await expect(page.getByRole('textbox', { name: /^(Huyện|Thị xã|Thành phố) / })).toHaveCount(0);
  await page.getByRole('button', { name: 'Chia đều' }).click();
  await expect(page.getByTestId('running-sum')).toHaveText('500');
  await expect(page.getByTestId('difference')).toHaveText('Đã giao đủ');
  const share = page.getByRole('textbox', { name: 'Xã Phú Bình', exact: true });
  await expect(share).toHaveValue(/^[56]$/);
  const target = await share.inputValue();
  await page.getByRole('textbox', { name: 'Lý do thay đổi' }).fill('Giao chỉ tiêu theo đơn vị mới');
  await page.locator('#main').getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu')).toBeVisible();
  await expectAccessible(page);
  // 2025 is split by the reform: its column is the new map too, the nine districts that closed on
  // 01/07/2025 are listed apart, read only and not summed.
  await page.goto('/chi-tieu?item=I-2.1&year=2025&parent=19');
  const closed = page.getByTestId('closed-during-year');
  await expect(closed).toContainText('9 đơn vị thôi hoạt động trong năm 2025');
  await expect(closed).toContainText('Huyện Phú Bình · 173 · đến 30/06/2025');
  await expect(page.getByRole('textbox', { name: /^(Huyện|Thị xã|Thành phố) / })).toHaveCount(0);

  // 3. The new commune reports the second half of 2026 against the target it was given.
  await switchUser(page, 'xa.huongson', '/bao-cao?period=2026-H2');
  await expect(page.getByRole('heading', { name: 'Báo cáo kết quả thực hiện' })).toBeVisible();
  await expect(page.getByText('Xã Phú Bình').first()).toBeVisible();
  await expect(page.getByTestId('report-state')).toHaveText('Chưa báo cáo');
  await page.getByTestId('group-I-2').click();
  await expect(page.getByTestId('item-I-2.1').getByText(/Chỉ tiêu:/)).toContainText(target);
  await page.locator('#item-I-2\\.1').fill('6');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Vẫn nộp' }).click();
  await expect(page.getByTestId('report-state')).toHaveText('Đã nộp, chờ duyệt');

  // 4. The province reviews its communes itself: it finds Phú Bình among 92 and approves.
  await switchUser(page, 'tinh.canbo', '/duyet?period=2026-H2');
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill('phu binh');
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'Xã Phú Bình' });
  await expect(row.getByText('Đã nộp, chờ duyệt')).toBeVisible();
  await row.getByRole('button', { name: 'Xã Phú Bình' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('review-I-2.1')).toContainText('6');
  await drawer.getByRole('button', { name: 'Duyệt' }).click();
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Duyệt' }).click();
  await expect(drawer.getByTestId('report-state')).toHaveText('Đã duyệt');

  // 5. The leader reads Phú Bình's term: the years before it are its predecessors', carried and
  //    marked, Thượng Đình (split between two new communes) said to be shown whole.
  await switchUser(page, 'tinh.lanhdao', '/tien-do?unit=05908&tab=term');
  await expect(page.getByRole('heading', { name: /Tiến độ · Xã Phú Bình/ })).toBeVisible();
  const coverage = page.getByTestId('term-coverage');
  await expect(coverage).toContainText('số liệu của các đơn vị cũ, chuyển sang');
  await expect(coverage).toContainText('Thị trấn Hương Sơn');
  await expect(coverage).toContainText('Xã Thượng Đình được chia cho nhiều đơn vị');
  await page.getByRole('row', { name: /2\.1/ }).getByRole('button').first().click();
  const years = page.getByTestId('term-years').first();
  await expect(years.getByText('chuyển sang').first()).toBeVisible();
  await expectAccessible(page);

  // The province's term says what its figures before the reform do not cover: Bắc Kạn's units.
  await page.goto('/tien-do?unit=19&tab=term');
  await expect(page.getByTestId('term-coverage')).toContainText('chưa từng có trên hệ thống');
});
