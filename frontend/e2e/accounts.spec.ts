import { readFileSync } from 'node:fs';
import { expect, expectAccessible, login, test } from './support';

test('a district admin creates its communes’ reporter accounts and hands the passwords over', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await login(page, 'admin.phobinh', '/tai-khoan');
  await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
  // the district's own accounts, nobody else's
  await expect(page.getByText('huyen.phobinh')).toBeVisible();
  await expect(page.getByText('xa.hungson')).toHaveCount(0);
  await expectAccessible(page);
  const list = page.getByRole('region', { name: 'Tài khoản', exact: true });

  if (info.project.name === 'desktop') {
    // one reporter per commune, in one step; a rerun (the phone's, or the next run's) makes none
    await page.getByTestId('bulk-open').click();
    // the district is chosen as soon as the units are read
    await expect(page.getByTestId('bulk-run')).toBeEnabled();
    // one Keycloak account per commune (20 in Phú Bình, two calls each): seconds on a quiet
    // machine, longer on a busy one; wait for the answer itself, within the test's time
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/accounts/bulk') && r.request().method() === 'POST',
      { timeout: 0 },
    );
    await page.getByTestId('bulk-run').click();
    expect((await answered).status()).toBe(200);
    const summary = page.getByTestId('bulk-summary');
    await expect(summary).toContainText(/Đã tạo \d+, đã có từ trước \d+, không tạo được 0/);
    const created = Number((await summary.textContent())!.match(/Đã tạo (\d+)/)![1]);
    if (created > 0) {
      const download = page.waitForEvent('download');
      await page.getByTestId('bulk-download').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('tai-khoan-moi.xlsx');
      expect(
        readFileSync((await file.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    }
    await page.getByTestId('bulk-close').click();
    // closed, the passwords are gone from the page, not merely hidden
    await expect(page.getByTestId('bulk-summary')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Tìm tên, tên đăng nhập, đơn vị' }).fill('bc.05908');
    await page.keyboard.press('Enter');
    await expect(list.getByText('bc.05908', { exact: true })).toBeVisible();
    return;
  }

  // on a phone: one account, its temporary password shown once
  const username = `hoa.${Date.now().toString(36)}`;
  await page.getByTestId('account-create').click();
  await page.getByTestId('account-username').fill(username);
  await page.getByRole('button', { name: 'Tạo', exact: true }).click();
  await expect(page.getByTestId('temporary-password')).toHaveText(/^.{16}$/);
  await page.locator('#password-shown-ok').click();
  await page.getByRole('searchbox', { name: 'Tìm tên, tên đăng nhập, đơn vị' }).fill(username);
  await page.keyboard.press('Enter');
  await expect(list.getByText(username, { exact: true })).toBeVisible();
});
