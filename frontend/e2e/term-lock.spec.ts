import { API, bearer, expect, expectAccessible, login, test } from './support';

// The term locked (#24): the province's planner locks the figures of 11/KH-BCH; every screen of
// the plan says it is archived and a report cannot be reopened; the planner reopens it with a
// reason and the same step works again. Locked and reopened within the story, so the other
// stories see an open plan.

test('the province locks the term, every screen says so, and it reopens with a reason', async ({
  page,
  request,
}) => {
  await login(page, 'tinh.canbo', '/ke-hoach');
  const card = page.getByTestId('term-lock');
  await expect(card).toContainText('Khóa số liệu nhiệm kỳ');
  await expect(page.getByTestId('plan-bar')).toContainText('11/KH-BCH · 2021–2026');
  await card.getByRole('button', { name: 'Khóa số liệu' }).click();
  const ask = page.getByRole('dialog', { name: 'Khóa số liệu' });
  await ask.getByLabel('Ghi chú (không bắt buộc)').fill('Tổng kết nhiệm kỳ 2021–2026');
  await ask.getByRole('button', { name: 'Khóa số liệu' }).click();
  try {
    await expect(page.getByTestId('plan-locked')).toContainText('đã khóa số liệu ngày');
    await expect(card).toContainText('Đã khóa lúc');
    await expect(card.getByRole('button', { name: 'Khóa số liệu', exact: true })).toHaveCount(0);
    await expectAccessible(page);

    // the dashboard says it too; the API refuses a write with the reason
    await page.goto('/tien-do');
    await expect(page.getByTestId('plan-locked')).toBeVisible();
    const refused = await request.post(`${API}/api/v1/periods`, {
      headers: await bearer(request, 'tinh.canbo'),
      data: { planId: '11-KH-BCH', kind: 'quarter', year: 2022, number: 1 },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).detail).toContain('đã khóa số liệu');
  } finally {
    // reopened with a reason, whatever happened above
    await page.goto('/ke-hoach');
    await card.getByRole('button', { name: 'Mở khóa số liệu' }).click();
    const reopen = page.getByRole('dialog', { name: 'Mở khóa số liệu' });
    await expect(reopen.getByRole('button', { name: 'Mở khóa số liệu' })).toBeDisabled();
    await reopen.getByLabel('Lý do mở khóa (bắt buộc)').fill('Bổ sung số liệu năm 2026');
    await reopen.getByRole('button', { name: 'Mở khóa số liệu' }).click();
  }
  await expect(page.getByTestId('plan-locked')).toHaveCount(0);
  await expect(card).toContainText('mở khóa “Bổ sung số liệu năm 2026”');
  await expect(card).toContainText('khóa số liệu “Tổng kết nhiệm kỳ 2021–2026”');
});
