import { expect, expectAccessible, login, ONE_DEVICE, test } from './support';

test('a commune reporter logs in, sees their unit, and logs out', async ({ page }) => {
  await login(page, 'xa.hungson');

  await expect(page.getByTestId('me-unit-name')).toHaveText('Thị trấn Hùng Sơn');
  // What waits for the commune: its report of each open period, with the due date.
  await expect(page.getByTestId('todo')).toContainText('hạn nộp');
  // A commune allocates to nobody: no "Giao chỉ tiêu" in its menu.
  await expect(page.getByRole('link', { name: 'Giao chỉ tiêu' })).toHaveCount(0);

  // The profile is in the account menu.
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  const details = page.getByTestId('me-details');
  await expect(details.getByText('05761', { exact: true })).toBeVisible();
  await expect(details.getByText('Báo cáo', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  // The Keycloak session is gone too: the login form asks again.
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('#username')).toBeVisible();
});

test('the interface switches to English and back', ONE_DEVICE, async ({ page }) => {
  await login(page, 'xa.phucluong');
  await expect(page.getByTestId('me-unit-name')).toHaveText('Xã Phúc Lương');

  await page.getByLabel('Ngôn ngữ').getByText('EN', { exact: true }).click();
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByTestId('me-details').getByText('Unit', { exact: true })).toBeVisible();
  await expect(page.getByText('Reporter', { exact: true })).toBeVisible();

  // The choice is saved on the server: a reload (new session storage) keeps English. Every API
  // request then asks for English, so the server's messages (problem details) come in English.
  const askedFor = page.waitForRequest((r) => r.url().includes('/api/v1/me'));
  await page.reload();
  expect((await askedFor).headers()['accept-language']).toBe('en');
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByTestId('me-details').getByText('Unit', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByLabel('Language').getByText('VI', { exact: true }).click();
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await expect(page.getByTestId('me-details').getByText('Đơn vị', { exact: true })).toBeVisible();
  const again = page.waitForRequest((r) => r.url().includes('/api/v1/me'));
  await page.reload();
  expect((await again).headers()['accept-language']).toBe('vi');
});

test('the start page and the overview have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/dang-nhap');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await expectAccessible(page);

  await login(page, 'huyen.daitu');
  await expect(page.getByTestId('me-unit-name')).toHaveText('Huyện Đại Từ');
  await expectAccessible(page);
});

test(
  'the login page says when the login service cannot be reached',
  ONE_DEVICE,
  async ({ page }) => {
    // Keycloak down, as the browser sees it: every request to it is refused.
    const config = await (await page.request.get('/config.json')).json();
    const keycloak = new URL(config.oidcAuthority).origin;
    await page.route(`${keycloak}/**`, (route) => route.abort('connectionrefused'));
    await page.goto('/dang-nhap');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Dịch vụ đăng nhập đang không truy cập được',
    );
    await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
  },
);

test('the menu: beside the page on a wide screen, a drawer on a phone', async ({ page }, info) => {
  await login(page, 'huyen.daitu');
  const progress = { name: 'Tiến độ' };
  if (info.project.name === 'phone') {
    // no menu beside the page: it opens over it, takes the focus, and Esc closes it
    await expect(page.getByRole('navigation', { name: 'Danh mục' })).toHaveCount(0);
    const open = page.getByRole('button', { name: 'Danh mục' });
    await open.click();
    const drawer = page.getByRole('dialog', { name: 'Danh mục' });
    await expect(drawer.getByRole('link', progress)).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();
    // following a link closes it
    await open.click();
    await drawer.getByRole('link', progress).click();
    await expect(drawer).toBeHidden();
  } else {
    await page.getByRole('navigation', { name: 'Danh mục' }).getByRole('link', progress).click();
  }
  await expect(page).toHaveURL(/\/tien-do$/);
  if (info.project.name !== 'phone') {
    await expect(page.getByRole('link', progress)).toHaveAttribute('aria-current', 'page');
  }
});

test('the values typed on a shared phone are gone after logout', async ({ page }) => {
  await login(page, 'xa.hungson');
  await page.evaluate(() =>
    localStorage.setItem('kehoach.report-draft.someone.11-KH-BCH.2026-H2.05761', '{"I-2.1":{}}'),
  );
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);
  const drafts = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kehoach.report-draft.')),
  );
  expect(drafts).toEqual([]);
});

test(
  'the SPA is served with a CSP that lets no inline script run',
  ONE_DEVICE,
  async ({ page }) => {
    const response = await page.goto('/dang-nhap');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  },
);
