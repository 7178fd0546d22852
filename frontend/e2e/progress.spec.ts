import { approvedHouseholds, expect, expectAccessible, loginAs, test } from './support';

test('the province leader follows a target from the dashboard down to one commune report', async ({
  page,
}, info) => {
  // The leader's drill-down, with an axe scan of the dashboard.
  test.setTimeout(120_000);
  const phone = info.project.name === 'phone';
  const period = phone ? '2026-Q2' : '2026-Q1';
  const households = phone ? 4 : 3;

  // A quarter, opened by the province planner; Hương Sơn reports, Phú Bình approves.
  await approvedHouseholds(page.request, period, households, true);

  // The leader's first page is the province's dashboard: the approval is already in it.
  await loginAs(page, 'tinh.lanhdao');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Tiến độ · Tỉnh Thái Nguyên/ })).toBeVisible();
  await expect(page.getByTestId('progress-summary')).toBeVisible();
  // the items are folded by chỉ tiêu: 93 rows are not drawn until a group is opened
  const items = page.getByTestId('progress-items');
  await expect(page.getByTestId('progress-group-I-2')).toHaveAttribute('aria-expanded', 'false');
  await expect(items.getByTestId('achieved-I-2.1')).toHaveCount(0);
  await page.getByTestId('progress-group-I-2').click();
  await expect(items.getByTestId('achieved-I-2.1')).toBeVisible();
  // what is behind, by the department that leads it, each opened on its own
  const behind = page.getByTestId('behind');
  const closed = behind.getByRole('button', { expanded: false });
  await expect(closed.first()).toBeVisible();
  while ((await closed.count()) > 0) await closed.first().click();
  await expect(behind.getByText(/Hàng năm, toàn tỉnh giúp từ 500 hộ/).first()).toBeVisible();
  await expectAccessible(page);

  // Down to the district, then the commune (the units side by side), then the figure behind the
  // number.
  await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
  await page.getByTestId('heat-table').getByRole('link', { name: 'Huyện Phú Bình' }).click();
  await expect(page.getByRole('heading', { name: /Tiến độ · Huyện Phú Bình/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
  await page.getByTestId('units-group-I-2').click();
  await expect(page.getByTestId('heat-table').getByRole('row', { name: /2\.1/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('heat-table').getByRole('link', { name: 'Thị trấn Hương Sơn' }).click();
  await expect(page.getByRole('heading', { name: /Tiến độ · Thị trấn Hương Sơn/ })).toBeVisible();
  await page.getByTestId('progress-group-I-2').click();
  await page.getByTestId('achieved-I-2.1').click();
  const values = page.getByTestId('progress-values');
  // how the number was made and from which kind of report
  await expect(page.getByTestId('progress-basis')).toContainText('Tổng số của 1 đơn vị');
  await expect(page.getByTestId('progress-basis')).toContainText('quý: 1');
  await expect(values.getByTestId('value-05908')).toHaveText(phone ? '7' : String(households));
  await values.getByRole('link', { name: phone ? 'Quý II/2026' : 'Quý I/2026' }).click();
  await expect(page).toHaveURL(new RegExp(`/bao-cao\\?period=${period}&unit=05908`));
  await page.getByTestId('group-I-2').click();
  await expect(page.getByTestId('value-I-2.1')).toHaveText(`${households} hộ`);
});

test('a commune made by a merger shows the years before it as carried from the communes it came from', async ({
  page,
}) => {
  // Thị trấn Quân Chu (05851) was made on 10/04/2023 from Thị trấn Quân Chu (05764) and Xã Quân
  // Chu (05851): its 2022 is theirs, carried and marked (docs/adr/0011).
  await loginAs(page, 'tinh.lanhdao');
  await page.goto('/tien-do?unit=05851&tab=term');
  await expect(page.getByRole('heading', { name: /Tiến độ · Thị trấn Quân Chu/ })).toBeVisible();
  const coverage = page.getByTestId('term-coverage');
  await expect(coverage).toContainText('Năm 2022: số liệu của các đơn vị cũ, chuyển sang');
  await expect(coverage).toContainText('Chuyển từ: Thị trấn Quân Chu, Xã Quân Chu.');
  // one leaf's years: 2022 is marked as carried, the later years are its own
  await page.getByRole('row', { name: /2\.1/ }).getByRole('button').first().click();
  const years = page.getByTestId('term-years').first();
  await expect(years.getByText('chuyển sang')).toHaveCount(1);
  await expectAccessible(page);
});
