import { expect, login, ONE_DEVICE, test } from './support';

test('units are found without diacritics, on the chosen day', async ({ page }) => {
  await login(page, 'tinh.canbo', '/don-vi?q=hung+son');
  await expect(page.getByText('Thị trấn Hùng Sơn')).toBeVisible();

  await page.goto('/don-vi?q=quan+chu&asOf=2022-06-30');
  await expect(page.getByText('Xã Quân Chu', { exact: true })).toBeVisible();
  await page.goto('/don-vi?q=quan+chu&asOf=2024-06-30');
  await expect(page.getByText('Thị trấn Quân Chu', { exact: true })).toBeVisible();
  await expect(page.getByText('Xã Quân Chu', { exact: true })).toHaveCount(0);

  await page.getByText('Thị trấn Quân Chu', { exact: true }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Hình thành từ')).toBeVisible();
  await expect(drawer.getByText(/hợp nhất · Xã Quân Chu/)).toBeVisible();
});

test('a commune sees only its own unit and the units above it', ONE_DEVICE, async ({ page }) => {
  await login(page, 'xa.hungson', '/don-vi');
  await expect(page.getByText('Thị trấn Hùng Sơn')).toBeVisible();
  await expect(page.getByText('Huyện Đại Từ')).toBeVisible();
  await expect(page.getByText('Xã Phúc Lương')).toHaveCount(0);
  await expect(page.getByText('Huyện Phú Bình')).toHaveCount(0);
});
