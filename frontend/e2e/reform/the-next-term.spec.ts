import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, login, test } from '../support';

// The next term (#24), after the reform story of this project (the map of 01/07/2025): the
// province's planner imports the 2026-2031 plan beside the old one from the screens; every screen
// of a plan says which plan it shows, switching is one click and is kept; the new plan has its own
// periods and allocates to the 92 communes of the new map; the old term stays readable.

const SEED = fileURLToPath(
  new URL(
    '../../../backend/src/main/resources/seed/plans/ke-hoach-toan-khoa-2021-2026.txt',
    import.meta.url,
  ),
);

/** The seed as the next term's plan: number 05, its dates and its five years moved on. */
function nextTerm(): Buffer {
  let text = readFileSync(SEED, 'utf8')
    .replace('Số: *11* /KH-BCH', 'Số: *05* /KH-BCH')
    .replace('tháng *12* năm 2021', 'tháng *12* năm 2026')
    .replaceAll('nhiệm kỳ 2021 - 2026', 'nhiệm kỳ 2026 - 2031');
  for (let year = 2026; year >= 2022; year--) {
    text = text.replaceAll(`Năm ${year}`, `Năm ${year + 5}`);
  }
  return Buffer.from(text, 'utf8');
}

async function choose(page: import('@playwright/test').Page, plan: string) {
  await page.getByTestId('plan-bar').getByRole('combobox').click();
  // antd draws the options it shows apart from its (hidden) accessible listbox
  await page.locator(`.ant-select-item-option[title^="${plan}"]`).click();
}

test('the next term is imported beside the old one, and every screen says which plan it shows', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'tinh.canbo', '/ke-hoach');
  await expect(page.getByTestId('plan-bar')).toContainText('11/KH-BCH · 2021–2026');
  await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'ke-hoach-toan-khoa-2026-2031.txt',
    mimeType: 'text/plain',
    buffer: nextTerm(),
  });
  await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('tạo kế hoạch mới');
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('Đã nhập');
  await page.keyboard.press('Escape');

  // the newest open term is shown by default; the old one is a click away, and stays chosen
  await page.goto('/ke-hoach');
  await expect(page.getByTestId('plan-bar')).toContainText('05/KH-BCH · 2026–2031');
  await expect(page.getByRole('columnheader', { name: '2031', exact: true })).toBeVisible();
  await expectAccessible(page);
  await choose(page, '11/KH-BCH · 2021–2026');
  await expect(page.getByRole('columnheader', { name: '2022', exact: true })).toBeVisible();
  await page.goto('/tien-do');
  await expect(page.getByTestId('plan-bar')).toContainText('11/KH-BCH · 2021–2026');

  // the new term: its own periods, closed until the planner opens one
  await choose(page, '05/KH-BCH · 2026–2031');
  await page.goto('/ky-bao-cao');
  await expect(page.getByTestId('plan-bar')).toContainText('05/KH-BCH · 2026–2031');
  await expect(page.getByText('Năm 2027').first()).toBeVisible();

  // it allocates along the map of today: the communes of 2025 under the province
  await page.goto('/chi-tieu?year=2027');
  await expect(page.getByTestId('plan-bar')).toContainText('05/KH-BCH · 2026–2031');
  await expect(page.getByText('Xã Phú Bình').first()).toBeVisible();
});
