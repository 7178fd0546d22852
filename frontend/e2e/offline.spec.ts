import { bearer, expect, login, test } from './support';

// The installable app with no signal (#23), at phone width: the report a commune officer opened
// once comes back on a reload with the network cut and in a new tab (the tab's login gone), a
// value typed and saved waits on the device with its Idempotency-Key, and goes by itself, once,
// when the network returns.
const PLAN = '11-KH-BCH';
const PERIOD = '2022-Q3';
const REPORT = `/bao-cao?plan=${PLAN}&period=${PERIOD}&unit=05761`;

test('a report opened once is reloaded, typed into and saved with no signal, and sent when it returns', async ({
  page,
  context,
  request,
}, info) => {
  test.skip(info.project.name !== 'phone', 'a phone story');
  const planner = await bearer(request, 'tinh.canbo');
  await request.post('/api/v1/periods', {
    headers: planner,
    data: { planId: PLAN, kind: 'quarter', year: 2022, number: 3 },
  });
  const current = await request.get(`/api/v1/periods/${PLAN}/${PERIOD}`, { headers: planner });
  if ((await current.json()).state !== 'open') {
    const opened = await request.post(`/api/v1/periods/${PLAN}/${PERIOD}/open`, {
      headers: { ...planner, 'If-Match': current.headers()['etag']! },
    });
    expect(opened.status()).toBe(200);
  }

  // the app installs: a manifest with the union's name and icons, a worker that takes the page
  const manifest = await request.get('/manifest.webmanifest');
  expect((await manifest.json()).name).toBe('Kế hoạch toàn khóa – Hội Liên hiệp Phụ nữ');
  await login(page, 'xa.hungson', REPORT);
  await expect(page.getByTestId('report-state')).toHaveText('Chưa báo cáo');
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, {
    timeout: 30_000,
  });
  // opened once with the worker in charge: its reads are kept
  await page.reload();
  await expect(page.getByTestId('report-state')).toHaveText('Chưa báo cáo');
  await page.getByTestId('group-I-2').click();
  await page.locator('#item-I-2\\.1').fill('5');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('sent-at')).toBeVisible();

  // no signal: a reload still opens the report
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline')).toBeVisible();
  await expect(page.getByTestId('report-state')).toHaveText('Nháp');
  await page.getByTestId('group-I-2').click();
  await page.locator('#item-I-2\\.1').fill('37');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('waiting')).toContainText('Đang chờ gửi 1 mục');

  // a new tab with no signal (the login of the first one is not there): the same report, the
  // same value waiting
  const again = await context.newPage();
  await again.goto(REPORT);
  await expect(again.getByTestId('offline')).toBeVisible();
  await expect(again.getByTestId('waiting')).toContainText('Đang chờ gửi 1 mục');
  await again.close();

  // meanwhile another device of the commune saves 40
  const commune = await bearer(request, 'xa.hungson');
  const mine = await request.get(
    `/api/v1/submissions/form?plan=${PLAN}&period=${PERIOD}&unit=05761`,
    { headers: commune },
  );
  const report = (await mine.json()).submission;
  const other = await request.put(`/api/v1/submissions/${report.id}/values`, {
    headers: { ...commune, 'If-Match': `"${report.version}"` },
    data: { values: [{ item: 'I-2.1', number: 40 }] },
  });
  expect(other.status()).toBe(200);

  // the signal returns: the waiting save goes by itself, meets the other one (412), and both
  // versions are shown; nothing is overwritten
  await context.setOffline(false);
  await expect(page.getByTestId('item-I-2.1')).toContainText('Trên hệ thống lúc này: 40', {
    timeout: 30_000,
  });
  await expect(page.locator('#item-I-2\\.1')).toHaveValue('37');
  await expect(page.getByTestId('waiting')).toHaveCount(0);
  const kept = await request.get(
    `/api/v1/submissions/form?plan=${PLAN}&period=${PERIOD}&unit=05761`,
    { headers: commune },
  );
  expect(
    Number(
      ((await kept.json()).items as { key: string; value?: { number?: number } }[]).find(
        (i) => i.key === 'I-2.1',
      )?.value?.number,
    ),
  ).toBe(40);

  // the officer keeps theirs, on purpose: saved, and says when it went
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('sent-at')).toBeVisible();
  const form = await request.get(
    `/api/v1/submissions/form?plan=${PLAN}&period=${PERIOD}&unit=05761`,
    { headers: commune },
  );
  expect(form.status()).toBe(200);
  const body = await form.json();
  const item = (body.items as { key: string; value?: { number?: number } }[]).find(
    (i) => i.key === 'I-2.1',
  );
  expect(Number(item?.value?.number)).toBe(37);
  const history = await request.get(`/api/v1/submissions/${body.submission.id}/history`, {
    headers: commune,
  });
  const changes = (
    (await history.json()) as { kind: string; item?: string; after?: { number?: number } }[]
  )
    .filter((e) => e.kind === 'value' && e.item === 'I-2.1')
    .map((e) => Number(e.after?.number));
  // 5, then 40 from the other device, then 37 on purpose: each save once, none lost
  expect(changes).toEqual([5, 40, 37]);
});
