import { writeFileSync } from 'node:fs';
import { expect, expectAccessible, login, test } from './support';

test('the province reviewer checks a sheet of figures from before the units were on the system, and every problem is named by its line', async ({
  page,
}, info) => {
  // Checked only: a dry run writes nothing, so the story runs again on the same database.
  const sheet = info.outputPath('truoc-sap-xep.csv');
  writeFileSync(sheet, 'unit_code,period,item,value\n99999,2024,I-2.1,5\n05761,2024,I-2.1,7\n');
  await login(page, 'tinh.canbo', '/duyet');
  const card = page.getByTestId('past-reports');
  await expect(card.getByText('Nhập số liệu trước khi đơn vị có trên hệ thống')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await card.getByTestId('pick-past').click();
  await (await chooser).setFiles(sheet);
  await card.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(card.getByText('Đã đọc 2 dòng, 0 báo cáo; 2 vấn đề.')).toBeVisible();
  // an unknown unit; a unit that was on the system then reports as usual
  const rows = card.getByRole('row');
  await expect(rows.filter({ hasText: 'không có đơn vị 99999' })).toContainText('2');
  await expect(rows.filter({ hasText: 'báo cáo theo cách thường' })).toContainText('3');
  // nothing can be loaded until a check finds no problem
  await expect(card.getByTestId('past-load')).toBeDisabled();
  await expectAccessible(page);
});
