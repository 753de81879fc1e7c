import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

/**
 * The intake workflow end to end: a citizen reports (no JavaScript, the plain form), a 珠山区 intake officer
 * takes the case, records the verification and replies; the citizen's status page shows the reply and asks
 * whether the problem was solved, and "没有" puts the case back in the queue. Screenshots at 390×844 go to
 * screenshots/ (intake-queue-390.png, report-status-reply-390.png).
 */
const password = 'e2e intake officer passphrase';
test.beforeAll(() => seedStaff([{ username: 'intake.zhushan', displayName: '珠山受理', regionCode: '360203', roles: ['intake'] }], password));
test.use({ viewport: { width: 390, height: 844 } });

async function lookUp(page: Page, trackingNumber: string, checkCode: string) {
  await page.goto(`/report/status?number=${trackingNumber}`);
  await page.getByLabel('查询码').fill(checkCode);
  await page.getByRole('button', { name: '查询' }).click();
}

test('a county intake officer verifies and replies; the citizen sees the reply, and 没有 reopens the case', async ({ browser }) => {
  const citizen = await browser.newPage({ javaScriptEnabled: false });
  await citizen.goto('/report');
  await citizen.getByLabel('药品名称').fill('硝苯地平控释片');
  await citizen.getByLabel('所在县（市、区）').selectOption({ label: '珠山区' });
  await citizen.getByRole('button', { name: '提交反映' }).click();
  await expect(citizen.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();
  const trackingNumber = (await citizen.locator('#tracking-number').textContent()) ?? '';
  const checkCode = (await citizen.locator('#check-code').textContent()) ?? '';

  const staff = await browser.newPage();
  await signInAs(staff, 'intake.zhushan', password, { fresh: true });
  await staff.goto('/staff/reports?drug=硝苯地平');
  const row = staff.locator('.queue-item', { hasText: '硝苯地平控释片' });
  await expect(row).toContainText('珠山区');
  await staff.screenshot({ path: 'screenshots/intake-queue-390.png', fullPage: true });
  await row.getByRole('link', { name: '硝苯地平控释片' }).click();

  await staff.getByRole('button', { name: '由我承办' }).click();
  await expect(staff.getByRole('status')).toHaveText('已认领。');
  await staff.getByRole('button', { name: '登记核实结果' }).click();
  await expect(staff.locator('.error-summary')).toContainText('请选择核实结果');
  await staff.getByLabel('属实', { exact: true }).check();
  await staff.getByLabel('调剂').check();
  await staff.getByRole('button', { name: '登记核实结果' }).click();
  await expect(staff.locator('#case-status')).toContainText('已核实');
  const reply = '经核实，珠山区人民医院药房已调剂到货，可凭处方前往购买。';
  await staff.getByLabel(/公开答复/).fill(reply);
  await staff.getByRole('button', { name: '发布答复' }).click();
  await expect(staff.getByRole('status')).toContainText('答复已发布');

  await lookUp(citizen, trackingNumber, checkCode);
  await expect(citizen.locator('#case-status')).toHaveText('已答复');
  await expect(citizen.locator('.timeline')).toContainText(reply);
  await expect(citizen.getByRole('group', { name: '问题解决了吗？' })).toBeVisible();
  await citizen.screenshot({ path: 'screenshots/report-status-reply-390.png', fullPage: true });
  await citizen.getByRole('button', { name: '没有' }).click();
  await expect(citizen.getByRole('status')).toHaveText('已重新交办，办理时限重新计算。');
  await expect(citizen.locator('#case-status')).toHaveText('已受理');
  await expect(citizen.locator('.timeline')).toContainText('群众反映问题未解决，重新办理');

  await staff.goto('/staff/reports?drug=硝苯地平');
  await expect(staff.locator('.queue-item', { hasText: '硝苯地平控释片' })).toContainText('重新办理 1 次');
});
