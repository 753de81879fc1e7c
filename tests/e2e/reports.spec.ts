import { expect, type Page, test } from '@playwright/test';

/** Reads the acknowledgement, opens the status page from its link and looks the report up with the code. */
async function followAcknowledgement(page: Page) {
  const trackingNumber = (await page.locator('#tracking-number').textContent()) ?? '';
  const checkCode = (await page.locator('#check-code').textContent()) ?? '';
  expect(trackingNumber).toMatch(/^JDZ-\d{8}-\d{4}$/);
  await page.getByRole('link', { name: '查看办理进度' }).click();
  await expect(page.getByLabel('受理编号')).toHaveValue(trackingNumber);
  await page.getByLabel('查询码').fill(checkCode.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('#case-status')).toHaveText('已受理');
  await expect(page.locator('.timeline')).toContainText('已受理');
}

test.describe('citizen report without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('keeps what was typed and shows the error beside the field, then acknowledges', async ({ page }) => {
    await page.goto('/report?drug=W078');
    await expect(page.getByLabel('药品名称')).toHaveValue('布洛芬');
    await page.getByLabel('情况说明（可选）').fill('连续三家药店都说没有货');
    await page.getByRole('button', { name: '提交反映' }).click();
    await expect(page.locator('.error-summary')).toContainText('请选择医疗机构，或选择所在县（市、区）');
    await expect(page.locator('#regionCode-error')).toBeVisible();
    await expect(page.getByLabel('情况说明（可选）')).toHaveValue('连续三家药店都说没有货');
    await page.getByLabel('所在县（市、区）').selectOption({ label: '珠山区' });
    await page.getByRole('button', { name: '提交反映' }).click();
    await expect(page.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();
    await followAcknowledgement(page);
  });
});

test.describe('citizen report with JavaScript', () => {
  test('solves the challenge in the background and acknowledges', async ({ page }) => {
    await page.goto('/report');
    await expect(page.locator('#challenge-state')).toHaveText('安全验证已完成', { timeout: 20_000 });
    await page.getByLabel('药品名称').fill('阿莫西林胶囊');
    await page.getByLabel('限购或搭售').check();
    await page.getByLabel('所在县（市、区）').selectOption({ label: '浮梁县' });
    await page.getByRole('button', { name: '提交反映' }).click();
    await expect(page.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();
    await followAcknowledgement(page);
  });

  test('every facility row of a drug links to the form for that drug there', async ({ page }) => {
    await page.goto('/drugs/W078');
    const link = page.locator('.facility-card').first().getByRole('link', { name: /这里买不到/ });
    await expect(link).toHaveAttribute('href', /\/report\?drug=W078&facility=/);
    await link.click();
    await expect(page.getByLabel('医疗机构或药店')).toBeVisible();
  });
});
