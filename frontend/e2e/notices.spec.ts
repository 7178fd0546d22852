import type { APIRequestContext } from '@playwright/test';
import { ONE_DEVICE, bearer, expect, expectAccessible, login, test } from './support';

// Reminders (#23): both backend instances run them every 10 s here (run-e2e.sh), against a mail
// catcher (GreenMail) whose HTTP API tells what it received.
const A = process.env.E2E_API_A ?? 'http://localhost:8082';
const MAIL = process.env.E2E_MAIL ?? 'http://localhost:8225';
const PLAN = '11-KH-BCH';

/** Today in the union's time zone (Asia/Ho_Chi_Minh, UTC+7, no summer time), plus some days. */
function dayFromToday(days: number) {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function vi(day: string) {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A quarter made and opened by the province planner, due in {@code dueIn} days with a reminder
 * that many days before: its first reminder is due today.
 */
async function dueSoon(request: APIRequestContext, code: string, dueIn: number) {
  const headers = await bearer(request, 'tinh.canbo');
  await request.post(`${A}/api/v1/periods`, {
    headers,
    data: {
      planId: PLAN,
      kind: 'quarter',
      year: Number(code.slice(0, 4)),
      number: Number(code.slice(6)),
    },
  });
  let current = await request.get(`${A}/api/v1/periods/${PLAN}/${code}`, { headers });
  if ((await current.json()).state !== 'open') {
    current = await request.post(`${A}/api/v1/periods/${PLAN}/${code}/open`, {
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
    expect(current.status()).toBe(200);
  }
  const due = dayFromToday(dueIn);
  const dated = await request.patch(`${A}/api/v1/periods/${PLAN}/${code}`, {
    headers: { ...headers, 'If-Match': current.headers()['etag']! },
    data: { dueOn: due, remindDaysBefore: [dueIn] },
  });
  expect(dated.status()).toBe(200);
  expect((await dated.json()).remindDaysBefore).toEqual([dueIn]);
  return due;
}

/** Closes the period again, so the other stories see the periods they were written for. */
async function close(request: APIRequestContext, code: string) {
  const headers = await bearer(request, 'tinh.canbo');
  const current = await request.get(`${A}/api/v1/periods/${PLAN}/${code}`, { headers });
  if ((await current.json()).state === 'open') {
    await request.post(`${A}/api/v1/periods/${PLAN}/${code}/close`, {
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
  }
}

type Notice = { id: number; title: string; periodCode: string; link: string; readAt?: string };

test('a commune officer finds the reminder in the bell and opens the report from it', async ({
  page,
  request,
}, info) => {
  // each device its own quarter: the phone run gets a reminder of its own
  const code = info.project.name === 'phone' ? '2023-Q2' : '2023-Q3';
  const words = info.project.name === 'phone' ? 'quý II năm 2023' : 'quý III năm 2023';
  const due = await dueSoon(request, code, 2);
  try {
    // the next run of either instance makes it (every 10 s here)
    const officer = await bearer(request, 'xa.phucluong');
    await expect
      .poll(
        async () => {
          const r = await request.get(`${A}/api/v1/notices`, { headers: officer });
          return ((await r.json()).items as Notice[]).filter((n) => n.periodCode === code).length;
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(1);

    await login(page, 'xa.phucluong');
    const bell = page.getByRole('button', { name: /^Thông báo, \d+ chưa đọc$/ });
    // the bell's count once its notices have come (0 while they load)
    await expect(bell).toHaveAccessibleName(/^Thông báo, [1-9]\d* chưa đọc$/);
    const unread = Number((await bell.getAttribute('aria-label'))!.match(/\d+/)![0]);
    expect(unread).toBeGreaterThanOrEqual(1);
    await bell.click();
    const title = `Báo cáo ${words} của Xã Phúc Lương: hạn ${vi(due)}, còn 2 ngày`;
    const notice = page.getByRole('link', { name: new RegExp(title) });
    await expect(notice).toBeVisible();
    await expectAccessible(page);
    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/bao-cao\\?plan=${PLAN}&period=${code}&unit=05767$`));
    await expect(page.getByRole('heading', { name: 'Báo cáo kết quả thực hiện' })).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Thông báo, ${unread - 1} chưa đọc` }),
    ).toBeVisible();

    // mail on and off, with the address it goes to, from the account menu
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await expect(page.getByText('Gửi đến xa.phucluong@demo.lhpn.invalid')).toBeVisible();
    const mail = page.getByRole('switch', { name: 'Nhận thư nhắc qua e-mail' });
    await expect(mail).toBeChecked();
    await mail.click();
    await expect(mail).not.toBeChecked();
    await expect
      .poll(async () => {
        const r = await request.get(`${A}/api/v1/me/preferences`, { headers: officer });
        return (await r.json()).emailReminders;
      })
      .toBe(false);
    await mail.click();
    await expect(mail).toBeChecked();
  } finally {
    await close(request, code);
  }
});

test('two instances make and send each reminder once', ONE_DEVICE, async ({ request }) => {
  // two runs of each instance (every 10 s), and room for one mail's minute of back-off
  test.setTimeout(220_000);
  const admin = await bearer(request, 'admin');
  await dueSoon(request, '2023-Q4', 7);
  const since = Date.now();
  try {
    type Run = { instance: string; startedAt: string; finishedAt?: string; error?: string };
    // both instances have finished a run that began after the period was dated, twice over:
    // the notices are made and their mails went out, whichever instance took them
    await expect
      .poll(
        async () => {
          const r = await request.get(`${A}/api/v1/reminders/runs`, { headers: admin });
          const runs = (await r.json()) as Run[];
          const after = runs.filter((run) => Date.parse(run.startedAt) > since && run.finishedAt);
          const perInstance = new Map<string, number>();
          after.forEach((run) =>
            perInstance.set(run.instance, (perInstance.get(run.instance) ?? 0) + 1),
          );
          return perInstance.size === 2 && [...perInstance.values()].every((n) => n >= 2);
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBe(true);
    type Mail = { subject: string; state: string; address: string; lastError?: string };
    const period = async () => {
      const log = await request.get(`${A}/api/v1/reminders/mails?size=200`, { headers: admin });
      return ((await log.json()).items as Mail[]).filter((m) =>
        m.subject.includes('quý IV năm 2023'),
      );
    };
    // every mail sent: a mail the SMTP server refused twice in a row waits its minute of back-off
    // and goes with a later run (ci79: GreenMail closed a session it found silent for 30 s)
    await expect
      .poll(async () => (await period()).filter((m) => m.state !== 'sent'), {
        timeout: 100_000,
        intervals: [2_000],
      })
      .toEqual([]);
    const mails = await period();
    expect(mails.length).toBeGreaterThanOrEqual(6);

    // what the SMTP server received: each reminder once, to each of them
    for (const address of new Set(mails.map((m) => m.address))) {
      const r = await request.get(`${MAIL}/api/user/${address}/messages/`);
      expect(r.status()).toBe(200);
      const subjects = ((await r.json()) as { subject: string }[])
        .map((m) => m.subject)
        .filter((s) => s.includes('quý IV năm 2023'));
      expect(subjects.length, address).toBe(mails.filter((m) => m.address === address).length);
      expect(new Set(subjects).size, `the same reminder twice to ${address}`).toBe(subjects.length);
    }
  } finally {
    await close(request, '2023-Q4');
  }
});

test('an admin reads what was sent to whom and each run of the reminders', async ({ page }) => {
  await login(page, 'admin', '/thu-nhac');
  await expect(page.getByRole('heading', { name: 'Thư nhắc' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chạy nhắc việc ngay' })).toBeVisible();
  const runs = page.locator('.ant-card').filter({ hasText: 'Các lần chạy gần nhất' });
  await expect(runs.locator('.ant-table-row').first()).toBeVisible();
  await page.getByText('Đã gửi', { exact: true }).first().click();
  await expect(page.locator('.ant-tag', { hasText: 'Đã gửi' }).first()).toBeVisible();
  await expectAccessible(page);
});
