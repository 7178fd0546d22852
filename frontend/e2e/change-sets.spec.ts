import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import {
  API,
  bearer,
  expect,
  expectAccessible,
  KEYCLOAK,
  login,
  ONE_DEVICE,
  test,
} from './support';

// The real GSO lineage the seed reads (backend/src/main/resources/seed/org-units/SOURCE.md).
const LINEAGE = fileURLToPath(
  new URL(
    '../../backend/src/main/resources/seed/org-units/thai-nguyen-unit-changes.csv',
    import.meta.url,
  ),
);

async function choose(page: Page, testId: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles(path);
}

test('the province admin checks the mergers of 01/12/2024, then applies a rename on its day', async ({
  page,
  request,
}, info) => {
  await login(page, 'admin', '/don-vi');
  await page.getByRole('link', { name: 'Thay đổi đơn vị hành chính' }).click();
  await expect(page.getByRole('heading', { name: 'Thay đổi đơn vị hành chính' })).toBeVisible();

  // A dry run of the real lineage: three dates in the file, the date chosen; nothing is written.
  await choose(page, 'pick-lineage', LINEAGE);
  await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('01/12/2024');
  await page.getByTestId('change-set-check').click();
  const report = page.getByTestId('change-set-report');
  await expect(report).toContainText('từ ngày 01/12/2024 không có vấn đề');
  await expect(report.getByRole('row', { name: /Đơn vị thôi hoạt động\s*5(\s|$)/ })).toBeVisible();
  await expect(report).toContainText('1 / 11 / 172');
  // Xã Phấn Mễ's code goes on as Thị trấn Giang Tiên; four rows GSO did not confirm say so
  await expect(
    page
      .getByRole('region', { name: /Các đơn vị thay đổi/ })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '05644', exact: true }) }),
  ).toContainText('đổi loại');
  await expect(report.getByText('chưa xác nhận')).toHaveCount(4);
  await expectAccessible(page);

  // Apply: the army's affiliated unit renamed on a day after every set applied so far (each run
  // of this test, on either device, applies its own later day).
  const headers = await bearer(request, 'admin');
  const sets = (await (
    await request.get(`${API}/api/v1/org-unit-change-sets`, { headers })
  ).json()) as { effectiveDate: string }[];
  const last =
    sets
      .map((s) => s.effectiveDate)
      .sort()
      .at(-1) ?? '2026-12-31';
  const next = new Date(`${last > '2026-12-31' ? last : '2026-12-31'}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  const before = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
  const oldName = (
    await (
      await request.get(`${API}/api/v1/org-units/DVTT-QS?validOn=${before}`, { headers })
    ).json()
  ).unit.name as string;
  const newName = `Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh (${day})`;
  const rename = info.outputPath('rename.csv');
  writeFileSync(
    rename,
    `effective_date,old_code,old_name,new_code,new_name,change,confirmed\n${day},DVTT-QS,${oldName},DVTT-QS,${newName},rename,no\n`,
  );
  const units = info.outputPath('units.csv');
  writeFileSync(units, `code,name,type,parent_code,level\nDVTT-QS,${newName},affiliated,19,2\n`);

  await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('');
  await choose(page, 'pick-lineage', rename);
  await choose(page, 'pick-units', units);
  // a new file asks for a new dry run before anything can be applied
  await expect(page.getByTestId('change-set-apply')).toBeDisabled();
  await page.getByTestId('change-set-check').click();
  await expect(report).toContainText('không có vấn đề');
  await page.getByTestId('change-set-apply').click();
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Áp dụng' }).click();
  await expect(report).toContainText('Đã áp dụng đợt thay đổi');
  await expect(
    page.getByRole('region', { name: 'Các đợt đã áp dụng' }).getByRole('row').filter({
      hasText: 'rename.csv',
    }),
  ).not.toHaveCount(0);

  // The row the file left unconfirmed waits for an admin, who confirms it with the grounds.
  const unconfirmed = page.getByRole('region', { name: 'Quan hệ kế thừa chưa xác nhận' });
  const confirm = unconfirmed.getByRole('button', { name: `Xác nhận ${oldName} → ${newName}` });
  await expect(confirm).toBeVisible();
  await expectAccessible(page);
  await confirm.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Căn cứ').fill('Quyết định số 12/QĐ-BCH (thử)');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(confirm).toHaveCount(0);

  // The same set again: the unit already changed on that day, so it is refused, and says why.
  await page.getByTestId('change-set-check').click();
  await expect(report).toContainText('Sai thứ tự ngày');
  await expect(page.getByTestId('change-set-apply')).toBeDisabled();

  // The unit tree of that day reads the new name; the day before, the old one.
  await page.goto(`/don-vi?asOf=${day}&q=quan su`);
  await expect(page.getByText(newName, { exact: true })).toBeVisible();
  await page.goto(`/don-vi?asOf=${before}&q=quan su`);
  await expect(page.getByText(oldName, { exact: true })).toBeVisible();
});

test(
  'nobody but an admin of the province reaches the change sets',
  ONE_DEVICE,
  async ({ page }) => {
    await login(page, 'tinh.canbo', '/don-vi');
    await expect(page.getByRole('heading', { name: 'Đơn vị' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Thay đổi đơn vị hành chính' })).toHaveCount(0);
    await page.goto('/don-vi/thay-doi');
    await expect(
      page.getByText('Chỉ quản trị viên cấp tỉnh được thay đổi đơn vị hành chính.'),
    ).toBeVisible();
  },
);

test('the province admin moves the accounts left on a merged unit to the unit that took over', async ({
  page,
  request,
}) => {
  // An account made for the old Thị trấn Quân Chu (05764) before it merged into 05851 in 2023,
  // straight in Keycloak as the backend's service account would have (the API refuses closed units).
  const token = await request.post(`${KEYCLOAK}/realms/lhpn/protocol/openid-connect/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'kehoach-admin',
      client_secret: 'demo-admin-secret',
    },
  });
  expect(token.status()).toBe(200);
  const username = `quanchu.${Date.now().toString(36)}`;
  const made = await request.post(`${KEYCLOAK}/admin/realms/lhpn/users`, {
    headers: { Authorization: `Bearer ${(await token.json()).access_token}` },
    data: { username, enabled: true, attributes: { org_unit: ['05764'] } },
  });
  expect(made.status()).toBe(201);

  await login(page, 'admin', '/tai-khoan');
  await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
  await page.getByTestId('successions-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('successions-summary')).toContainText('Chưa thay đổi gì');
  const row = dialog.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('Thị trấn Quân Chu (05764)');
  await expect(row).toContainText('chuyển');
  await expect(row).toContainText('(05851)');
  await expectAccessible(page);

  await dialog.getByTestId('successions-run').click();
  await expect(dialog.getByTestId('successions-summary')).toContainText('Đã chuyển');
  await expect(row).toContainText('✓');
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();

  const list = page.getByRole('region', { name: 'Tài khoản', exact: true });
  await page.getByRole('searchbox', { name: 'Tìm tên, tên đăng nhập, đơn vị' }).fill(username);
  await page.keyboard.press('Enter');
  // on the living unit now: its name is shown (a closed unit's code was)
  await expect(list.getByRole('row').filter({ hasText: username })).toContainText(
    'Thị trấn Quân Chu',
  );
});
