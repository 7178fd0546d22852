import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, login, ONE_DEVICE, test } from './support';

const SEED = fileURLToPath(
  new URL(
    '../../backend/src/main/resources/seed/plans/ke-hoach-toan-khoa-2021-2026.txt',
    import.meta.url,
  ),
);

test('everyone reads the plan as a tree with its yearly levels and details', async ({
  page,
  isMobile,
}) => {
  await login(page, 'xa.hungson', '/ke-hoach');
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await expect(page.getByText('THỰC HIỆN CHỈ TIÊU NHIỆM KỲ')).toBeVisible();
  // A table on a wide screen, a card per item on a phone.
  const row41 = isMobile
    ? page.getByTestId('plan-item-I-4.1')
    : page.locator('tr[data-row-key="I-4.1"]');
  await expect(row41).toContainText('Hàng năm vận động, hỗ trợ từ 2.500 hộ gia đình');
  await expect(row41.getByRole('button', { name: /Mở rộng|Thu gọn/ })).toHaveCount(0);
  if (isMobile) {
    // At phone width the year columns collapse into the row.
    await expect(row41.getByText('2022: 2.500')).toBeVisible();
  } else {
    await expect(row41.getByRole('cell', { name: '2.500', exact: true })).toHaveCount(5);
  }
  await expectAccessible(page);
  await row41.click();
  await expect(page).toHaveURL(/item=I-4\.1/);
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Ban GĐXH- KT')).toBeVisible();
  await expect(drawer.getByText('Số lượng (hộ)')).toBeVisible();
});

test('filters live in the URL and narrow the tree', ONE_DEVICE, async ({ page }) => {
  await login(page, 'tinh.lanhdao', '/ke-hoach?department=XDTCH');
  await expect(page.getByText('Mỗi năm tăng từ 1.000 hội viên trở lên')).toBeVisible();
  await expect(page.getByText('Hàng năm, toàn tỉnh giúp từ 500 hộ')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Tìm trong kế hoạch' }).fill('binh dang gioi');
  await page.getByRole('searchbox', { name: 'Tìm trong kế hoạch' }).press('Enter');
  await expect(page).toHaveURL(/q=binh\+dang\+gioi/);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(
    page.getByText('Hàng năm, toàn tỉnh giúp từ 500 hộ có phụ nữ trở lên thoát nghèo').first(),
  ).toBeVisible();
});

test('the plan downloads as .xlsx', ONE_DEVICE, async ({ page }) => {
  await login(page, 'huyen.daitu', '/ke-hoach');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải .xlsx' }).click();
  expect((await download).suggestedFilename()).toBe('ke-hoach-11-KH-BCH.xlsx');
});

test(
  'the province planner checks a plan file before importing it',
  ONE_DEVICE,
  async ({ page }) => {
    await login(page, 'tinh.canbo', '/ke-hoach');
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(SEED);
    await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect(dialog.getByTestId('import-report')).toContainText('không có gì thay đổi');
    await expect(dialog.getByTestId('import-report')).toContainText('2.2.1');
  },
);

test('a district planner sees no import button', ONE_DEVICE, async ({ page }) => {
  await login(page, 'huyen.phobinh', '/ke-hoach');
  await expect(page.getByText('THỰC HIỆN CHỈ TIÊU NHIỆM KỲ')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập kế hoạch' })).toHaveCount(0);
});

test('the province planner amends a yearly level after the merger and the adopted one stays beside it', async ({
  page,
}) => {
  // Chỉ tiêu 7.3 counts the 178 communes of 2022; from 01/07/2025 the province has 92.
  await login(page, 'tinh.canbo', '/ke-hoach?item=I-7.3');
  const drawer = page.getByRole('dialog');
  const amend = drawer.getByTestId('level-amendment');
  await expect(amend.getByRole('heading', { name: 'Điều chỉnh chỉ tiêu' })).toBeVisible();
  // the year to amend is the plan's last one unless another is chosen
  await expect(amend.getByText('2026', { exact: true })).toBeVisible();
  await amend.getByLabel('Mức mới').fill('92');
  await amend.getByLabel('Số quyết định').fill('Quyết định số 12/QĐ-HPN ngày 15/08/2025');
  await amend.getByLabel('Lý do').fill('Hợp nhất tỉnh Thái Nguyên và tỉnh Bắc Kạn từ 01/07/2025');
  await amend.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(amend.getByText('Đã lưu')).toBeVisible();
  // the level in force, marked, with the adopted one and the decision beside it
  const row = drawer.locator('tr[data-row-key="2026"]');
  await expect(row).toContainText('92');
  await expect(row).toContainText('đã điều chỉnh');
  await expect(row).toContainText('Ban đầu: 178 · Quyết định số 12/QĐ-HPN ngày 15/08/2025');
  await expect(amend.getByTestId('amendments')).toContainText('Năm 2026:');
  await expect(amend.getByTestId('amendments')).toContainText('→ 92');
  await expectAccessible(page);
});
