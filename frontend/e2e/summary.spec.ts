import { readFileSync } from 'node:fs';
import { approvedHouseholds, expect, expectAccessible, login, test } from './support';

test('a district opens its half-year report, changes a sentence, downloads Word, PDF and Excel', async ({
  page,
}, info) => {
  const phone = info.project.name === 'phone';
  const year = phone ? 2024 : 2025;
  const period = `${year}-H1`;
  await approvedHouseholds(page.request, period, 9);

  // the district that approved it opens its report
  await login(page, 'huyen.phobinh', `/tong-ket?period=${period}`);
  await expect(page.getByRole('heading', { name: 'Báo cáo sơ kết, tổng kết' })).toBeVisible();
  const doc = page.getByTestId('summary-document');
  await expect(doc).toContainText('HỘI LHPN HUYỆN PHÚ BÌNH');
  await expect(doc).toContainText(
    `Sơ kết 6 tháng đầu năm ${year} thực hiện Kế hoạch hoạt động toàn khóa nhiệm kỳ 2021 - 2026`,
  );
  // the sentence drafted from the approved figure
  await expect(doc).toContainText('nội dung 2.1: toàn huyện đạt 9 hộ');
  await expectAccessible(page);
  await page.screenshot({ path: `target/e2e/summary-${info.project.name}.png` });

  // one sentence changed, saved, still there after a reload
  await page.getByTestId('summary-edit').click();
  const box = page.getByTestId('paragraph-group:I.-2');
  const drafted = await box.inputValue();
  const mine = `${drafted} Huyện đã tổ chức 2 hội nghị chuyên đề về giảm nghèo.`;
  await box.fill(mine);
  await expect(page.getByText('Đã sửa')).toBeVisible();
  await page.getByTestId('summary-save').click();
  await expect(page.getByText('Đã lưu báo cáo')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('summary-document')).toContainText(
    'Huyện đã tổ chức 2 hội nghị chuyên đề về giảm nghèo.',
  );
  await expect(page.getByText('Lưu lần cuối bởi huyen.phobinh')).toBeVisible();

  // Word to sign, PDF to send
  let download = page.waitForEvent('download');
  await page.getByTestId('download-docx').click();
  const word = await download;
  expect(word.suggestedFilename()).toBe(`bao-cao-173-${period}.docx`);
  expect(
    readFileSync((await word.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  download = page.waitForEvent('download');
  await page.getByTestId('download-pdf').click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`bao-cao-173-${period}.pdf`);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // progress as Excel, written in the background
  download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const xlsx = await download;
  expect(xlsx.suggestedFilename()).toBe(`tien-do-173-${period}.xlsx`);

  // the history says who changed what
  await page.getByRole('button', { name: 'Lịch sử sửa' }).click();
  await expect(page.getByText(/Lần 1: huyen.phobinh/)).toBeVisible();
});
