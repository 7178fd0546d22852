import { expect, loginAs, ONE_DEVICE, submittedHouseholds, test } from './support';

test(
  'an approval in one tab is in the dashboard open in another tab, without a reload',
  ONE_DEVICE,
  async ({ page, context, request }, info) => {
    // A year in which Hương Sơn has quarter reports only, so each approval moves its year figure.
    const period = info.project.name === 'phone' ? '2024-Q4' : '2024-Q3';
    await submittedHouseholds(request, period, 9);

    // Tab 1: the district's dashboard, open on Hương Sơn's year.
    await loginAs(page, 'huyen.phobinh');
    await page.goto('/tien-do?unit=05908&year=2024');
    await page.getByTestId('progress-group-I-2').click();
    const achieved = page.getByTestId('achieved-I-2.1');
    await expect(achieved).toBeVisible();
    const before = await achieved.innerText();

    // Tab 2, the same browser: the reviewer approves the report (single sign-on, no password).
    const review = await context.newPage();
    await review.goto(`/duyet?period=${period}`);
    await review.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(
      review.getByRole('heading', { name: 'Duyệt báo cáo của đơn vị cấp dưới' }),
    ).toBeVisible();
    await review
      .getByRole('row')
      .filter({ hasText: 'Thị trấn Hương Sơn' })
      .getByRole('button', { name: 'Thị trấn Hương Sơn' })
      .click();
    const drawer = review.locator('.ant-drawer');
    await expect(drawer.getByTestId('review-I-2.1')).toContainText('9');
    await drawer.getByRole('button', { name: 'Duyệt' }).click();
    await review.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Duyệt' }).click();
    await expect(drawer.getByTestId('report-state')).toHaveText('Đã duyệt');

    // Tab 1 was not reloaded: the figure moved on by itself.
    await expect(achieved).not.toHaveText(before);
  },
);
