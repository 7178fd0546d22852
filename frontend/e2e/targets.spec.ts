import { expect, expectAccessible, login, ONE_DEVICE, test } from './support';

test('the province splits a target over its units and the district sees its share', async ({
  page,
}, info) => {
  // Desktop and phone share one database: each uses its own year.
  const year = info.project.name === 'phone' ? 2024 : 2023;
  await login(page, 'tinh.canbo', `/chi-tieu?item=I-2.1&year=${year}&parent=19`);
  await expect(page.getByTestId('parent-target')).toHaveText('500');
  await expect(page.getByTestId('live-status')).toHaveText('Chưa giao');

  // Figures per unit (members…) can be typed in for proportional splits.
  await page.getByRole('button', { name: 'Nhập số liệu…' }).click();
  const figures = page.getByRole('dialog');
  await expect(figures.getByText('Hội Phụ nữ Công an tỉnh')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(figures).toBeHidden();

  // An even split leaves out the affiliated units, which have no cơ sở Hội.
  await page.getByRole('button', { name: 'Chia đều' }).click();
  await expect(page.getByTestId('running-sum')).toHaveText('500');
  await expect(page.getByTestId('difference')).toHaveText('Đã giao đủ');
  await expect(page.getByRole('textbox', { name: 'Hội Phụ nữ Công an tỉnh' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Hội Phụ nữ Quân sự tỉnh' })).toHaveValue('');

  // The running sum and the state follow what the planner types, the Vietnamese way.
  const thaiNguyen = page.getByRole('textbox', { name: 'Thành phố Thái Nguyên' });
  await expect(thaiNguyen).toHaveValue('56');
  await thaiNguyen.fill('1.000');
  await expect(page.getByTestId('running-sum')).toHaveText('1.444');
  await expect(page.getByTestId('difference')).toHaveText('Vượt 944 hộ');
  await expect(page.getByTestId('live-status')).toHaveText('Vượt');
  await thaiNguyen.fill('2,5');
  await expect(page.getByText('Số lượng phải là số nguyên.')).toBeVisible();
  await expect(
    page.locator('#main').getByRole('button', { name: 'Lưu', exact: true }),
  ).toBeDisabled();
  await thaiNguyen.fill('60');
  await expect(page.getByTestId('running-sum')).toHaveText('504');
  await expect(page.getByTestId('difference')).toHaveText('Vượt 4 hộ');
  // Saving an over-allocation asks first; the planner goes back and makes it exact.
  await page.locator('#main').getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('.ant-popconfirm')).toContainText('vượt chỉ tiêu 500 là 4 hộ');
  await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.locator('.ant-popconfirm')).toBeHidden();
  await thaiNguyen.fill('56');
  await expect(page.getByTestId('running-sum')).toHaveText('500');

  await page.getByRole('textbox', { name: 'Lý do thay đổi' }).fill('Giao chỉ tiêu đầu năm');
  await page.locator('#main').getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu')).toBeVisible();
  await expect(page.getByText('Đủ', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The history names units and words, never codes or "null".
  await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
  const history = page.getByTestId('allocation-history');
  await expect(history.getByText('Thành phố Thái Nguyên').first()).toBeVisible();
  if (info.project.name !== 'phone') {
    // (the "how" column has no room at phone width)
    await expect(history.getByText('Chia đều').first()).toBeVisible();
  }
  await expect(history.getByText('null')).toHaveCount(0);

  await page.goto(`/chi-tieu/tong-quan?year=${year}&unit=19`);
  const row = page.getByRole('row').filter({ hasText: 'Hàng năm, toàn tỉnh giúp từ 500 hộ' });
  await expect(row.getByText('Đủ', { exact: true })).toBeVisible();

  // Đại Từ's planner sees the 55 households the province gave it, to split over its communes.
  await page.context().clearCookies();
  await page.evaluate(() => window.sessionStorage.clear());
  await login(page, 'huyen.daitu', `/chi-tieu?item=I-2.1&year=${year}&parent=171`);
  await expect(page.getByTestId('parent-target')).toHaveText('55');
  await expect(page.getByRole('button', { name: 'Chia đều' })).toBeVisible();
});

test('a viewer sees targets but cannot change them', ONE_DEVICE, async ({ page }) => {
  await login(page, 'tinh.lanhdao', '/chi-tieu?item=I-4.1&year=2022&parent=19');
  await expect(page.getByTestId('parent-target')).toHaveText('2.500');
  await expect(page.getByRole('button', { name: 'Chia đều' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lưu' })).toHaveCount(0);
});

test('the allocation sheet downloads for the unit and year', ONE_DEVICE, async ({ page }) => {
  await login(page, 'huyen.phobinh', '/chi-tieu?item=I-2.1&year=2025&parent=173');
  await expect(page.getByTestId('parent-target')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bảng giao chỉ tiêu' }).click();
  expect((await download).suggestedFilename()).toBe('giao-chi-tieu-173-2025.xlsx');
  await page.getByRole('button', { name: 'Tải lên bảng đã điền' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Kiểm tra' })).toBeDisabled();
});

test('a district planner allocates the year of a department from the overview', async ({
  page,
}) => {
  await login(page, 'huyen.phobinh', '/chi-tieu/tong-quan?year=2026&unit=173');
  await page.getByRole('combobox', { name: 'Đơn vị thực hiện' }).click();
  await page.getByTitle('Ban XDTCH').click();
  await page.getByRole('button', { name: 'Giao cả năm cho ban' }).click();
  await expect(page.getByText(/Đã đặt \d+ chỉ tiêu/)).toBeVisible();
});
