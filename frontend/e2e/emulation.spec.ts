import { statSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { API, bearer, expect, expectAccessible, login, ONE_DEVICE, test } from './support';

// Thi đua (#24): Phú Bình's first communes compete in one cluster of the plan; the province's
// planner gives Hương Sơn (05908) a manual part with a reason and sees the ranking and the
// breakdown follow; the commune reads its own cluster and cannot score; the council's files.

const PLAN = '11-KH-BCH';

/** The cluster, made once (both devices run on the same data): Hương Sơn and two neighbours. */
async function cluster(request: APIRequestContext) {
  const headers = await bearer(request, 'tinh.canbo');
  const settings = await (
    await request.get(`${API}/api/v1/emulation/settings?plan=${PLAN}`, { headers })
  ).json();
  if (settings.clustersVersion > 0) return;
  const below = await (
    await request.get(`${API}/api/v1/org-units?parent=173&size=200`, { headers })
  ).json();
  const others = (below.items as { code: string }[])
    .map((u) => u.code)
    .filter((c) => c.length === 5 && c !== '05908')
    .slice(0, 2);
  const saved = await request.put(`${API}/api/v1/emulation/clusters?plan=${PLAN}`, {
    headers: { ...headers, 'If-Match': '"0"' },
    data: {
      clusters: [
        { code: 'CUM-PB', name: 'Cụm Phú Bình', leaderUnit: '05908', units: ['05908', ...others] },
      ],
    },
  });
  expect(saved.status()).toBe(200);
}

function points(text: string) {
  return Number(/([\d.,]+) điểm/.exec(text)![1].replace(/\./g, '').replace(',', '.'));
}

test('the province gives a manual part; the ranking and the breakdown follow', async ({
  page,
  request,
}, info) => {
  // each device its own year, so each starts with no manual part
  const year = info.project.name === 'phone' ? 2024 : 2025;
  await cluster(request);
  await login(page, 'tinh.canbo', `/thi-dua?year=${year}`);
  await expect(page.getByRole('heading', { name: 'Thi đua' })).toBeVisible();
  await expect(page.getByTestId('cluster-CUM-PB')).toContainText('Cụm Phú Bình');
  await expect(page.getByTestId('leader-CUM-PB')).toHaveText('Cụm trưởng: Thị trấn Hương Sơn');
  const line = page.getByTestId('score-05908');
  await expect(line).toContainText('Thị trấn Hương Sơn');
  const before = points((await line.textContent())!);
  await expectAccessible(page);

  await line.click();
  await page.getByRole('button', { name: 'Chấm điểm thêm' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Chấm điểm thêm cho Thị trấn Hương Sơn năm ${year}`,
  });
  await dialog.getByLabel('Số điểm').fill('7,5');
  await dialog.getByLabel('Lý do').fill('Mô hình sinh kế cho phụ nữ dân tộc thiểu số');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(line).toContainText('Hạng 1.');
  await expect.poll(async () => points((await line.textContent())!)).toBe(before + 7.5);
  await expect(page.getByText(`Chấm thêm năm ${year}: 7,5 điểm (tinh.canbo)`)).toBeVisible();

  // the commune: its own cluster, read only
  await page.context().clearCookies();
  await page.evaluate(() => window.sessionStorage.clear());
  await login(page, 'xa.huongson', `/thi-dua?year=${year}`);
  await expect(page.getByTestId('score-05908')).toContainText('Hạng 1.');
  await page.getByTestId('score-05908').click();
  await expect(page.getByText(`Chấm thêm năm ${year}: 7,5 điểm`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chấm điểm thêm' })).toHaveCount(0);
  await expectAccessible(page);
});

test(
  'the council gets the scores as Excel and as a Word table',
  ONE_DEVICE,
  async ({ page, request }) => {
    await cluster(request);
    await login(page, 'tinh.canbo', '/thi-dua?year=2025');
    await expect(page.getByTestId('cluster-CUM-PB')).toBeVisible();
    for (const [button, file] of [
      ['Tải Excel', `thi-dua-${PLAN}-2025.xlsx`],
      ['Tải bảng Word', `thi-dua-${PLAN}-2025.docx`],
    ]) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe(file);
      expect(statSync(await saved.path()).size).toBeGreaterThan(3000);
    }
  },
);
