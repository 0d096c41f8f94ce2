import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const rep = { email: `revenue-rep-${run}@kehu.test`, name: `陈晨 ${run}`, password: 'Revenue-rep-passw0rd!' };
const thisMonth = new Date().toISOString().slice(0, 7);

/** The visible option of an open Element Plus select. */
const option = (page: Page, text: string): Locator => page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: text }).first();
/** A grade option ("B", "B label" or "B · label"): `hasText: 'B'` is a case-insensitive substring and also hit "A · 战略k3b9". */
const gradeOption = (page: Page, grade: string): Locator => page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: new RegExp(`^\\s*${grade}(\\s|$)`) }).first();
/** Element Plus puts data-test on the <input> of an el-input and on the wrapper of an el-input-number. */
/** Waits until an input shows the value (prices are filled in after an API answer). */
async function valueShown(input: Locator, expected: string): Promise<void> {
  for (let i = 0; i < 50 && (await input.inputValue()) !== expected; i++) await input.page().waitForTimeout(100);
  expect(await input.inputValue()).toBe(expected);
}
const field = (scope: Locator, name: string): Locator => scope.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input`).first();

describe('revenue: products, orders, commissions and grading', () => {
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  let repId: string;

  beforeAll(async () => {
    adminToken = (await login(adminEmail, adminPassword)).accessToken;
    repId = (await api<{ id: string }>('/api/v1/users', { method: 'POST', token: adminToken, body: { email: rep.email, name: rep.name, roles: ['sales_rep'], password: rep.password } })).id;
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a manager creates a product, then an order with two lines, sees the total, moves it along its timeline, edits its lines and retires the product', async () => {
    const customerName = `杭州云帆科技有限公司 ${run}`;
    await api('/api/v1/customers', { method: 'POST', token: adminToken, body: { name: customerName } });
    await signIn(page, adminEmail, adminPassword);

    // The product, through the catalogue page.
    const code = `CRM-${run}`.toUpperCase();
    await page.goto(`${baseUrl}/revenue/products`);
    await page.locator('[data-test=create-product]').click();
    const productDialog = page.locator('[data-test=product-dialog]');
    await field(productDialog, 'product-code').fill(code);
    await field(productDialog, 'product-name').fill(`客户管理系统专业版 ${run}`);
    await field(productDialog, 'product-price').fill('1200');
    await productDialog.locator('[data-test=product-save]').click();
    await productDialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test=products-table] .el-table__row').filter({ hasText: code }).waitFor();

    // The order: the product line (price from the catalogue) × 2, and a free-text service line.
    await page.goto(`${baseUrl}/revenue/orders`);
    await page.locator('[data-test=create-order]').click();
    const dialog = page.locator('[data-test=order-dialog]');
    await dialog.locator('[data-test=customer-picker]').click();
    await page.keyboard.type(run);
    await option(page, customerName).click();
    const rows = dialog.locator('[data-test=order-lines] .el-table__row');
    await rows.nth(0).locator('[data-test=line-product]').click();
    await page.keyboard.type(code);
    await option(page, code).click();
    await valueShown(field(rows.nth(0), 'line-price'), '1200.00');
    await field(rows.nth(0), 'line-quantity').fill('2');
    await dialog.locator('[data-test=order-add-line]').click();
    await field(rows.nth(1), 'line-description').fill('上门实施服务');
    await field(rows.nth(1), 'line-price').fill('500');
    await field(rows.nth(1), 'line-quantity').click(); // blur the price so the preview recomputes
    await expect(dialog.locator('[data-test=order-preview]').innerText()).resolves.toContain('2,900.00');
    await dialog.locator('[data-test=order-save]').click();

    // The order page: the server's total and the first timeline step.
    await page.waitForURL(/\/revenue\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split('/').pop() as string;
    await page.locator('[data-test=order-detail-lines] .el-table__row').nth(1).waitFor();
    await expect(page.locator('.el-descriptions').innerText()).resolves.toContain('2,900.00');
    const timeline = page.locator('[data-test=order-timeline]');
    await timeline.getByText('已下单').waitFor();

    // Confirm it: the move asks for an optional note, then the timeline gains the step.
    await page.locator('[data-test=order-move-confirmed]').click();
    await page.locator('.el-message-box input').fill('客户电话确认');
    await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
    await timeline.getByText('已确认').waitFor();
    await timeline.getByText('客户电话确认').waitFor();

    // Still confirmed, so the lines can change: three licences instead of two, and the total follows.
    await page.locator('[data-test=order-edit]').click();
    const editRows = dialog.locator('[data-test=order-lines] .el-table__row');
    await valueShown(field(editRows.nth(0), 'line-quantity'), '2.0000');
    await field(editRows.nth(0), 'line-quantity').fill('3');
    await field(editRows.nth(1), 'line-description').click();
    await expect(dialog.locator('[data-test=order-preview]').innerText()).resolves.toContain('4,100.00');
    await dialog.locator('[data-test=order-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.el-descriptions').getByText('¥4,100.00').first().waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('revenue-order.png'), fullPage: true });

    const order = await api<{ status: string; total: number; lines: unknown[]; events: { status: string }[] }>(`/api/v1/orders/${orderId}`, { token: adminToken });
    expect(order).toMatchObject({ status: 'confirmed', total: 4100 });
    expect(order.lines).toMatchObject([{ quantity: 3, unitPrice: 1200 }, { quantity: 1, unitPrice: 500, description: '上门实施服务' }]);
    expect(order.events.map((e) => e.status)).toEqual(['placed', 'confirmed']);

    // The orders list (a virtual table) has it; a click on its row opens it.
    await page.goto(`${baseUrl}/revenue/orders`);
    const orderRow = page.locator('[data-test=orders-table] .el-table-v2__row').filter({ hasText: customerName });
    await orderRow.waitFor();
    await expect(orderRow.innerText()).resolves.toContain('4,100.00');
    await settle(page);
    await page.screenshot({ path: screenshotPath('revenue-orders-list.png') });
    await orderRow.getByText('4,100.00').click();
    await page.waitForURL(`${baseUrl}/revenue/orders/${orderId}`);

    // The product is retired: switched off, it leaves the list of active products.
    await page.goto(`${baseUrl}/revenue/products`);
    const productRow = page.locator('[data-test=products-table] .el-table__row').filter({ hasText: code });
    await productRow.click();
    await productDialog.locator('[data-test=product-active]').click();
    await productDialog.locator('[data-test=product-save]').click();
    await productDialog.waitFor({ state: 'hidden' });
    await productRow.waitFor({ state: 'detached' });
    const products = await api<{ data: { code: string; active: boolean }[] }>(`/api/v1/products?q=${code}`, { token: adminToken });
    expect(products.data).toMatchObject([{ code, active: false }]);
  });

  it('a rep sees their commission statement after their customer\'s order is paid', async () => {
    const repToken = (await login(rep.email, rep.password)).accessToken;
    // The rep brought the customer in (developer credit); 5 % of its paid orders for 12 months.
    const customerName = `苏州锦程纺织有限公司 ${run}`;
    const customerId = (await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token: repToken, body: { name: customerName } })).id;
    await api('/api/v1/commission-rules', { method: 'POST', token: adminToken, body: { name: `新客户回款提成 ${run}`, ratePercent: 5, months: 12, effectiveFrom: '2020-01-01' } });
    const order = await api<{ id: string; number: string }>('/api/v1/orders', { method: 'POST', token: repToken, body: { customerId, lines: [{ description: '年度订阅', quantity: 1, unitPrice: 8000 }] } });
    await api(`/api/v1/orders/${order.id}/status`, { method: 'POST', token: repToken, body: { status: 'paid' } });
    await api('/api/v1/commission-statements', { method: 'POST', token: adminToken, body: { period: thisMonth, userId: repId } });

    await signIn(page, rep.email, rep.password);
    await page.goto(`${baseUrl}/revenue/commissions`);
    const row = page.locator('[data-test=commission-table] .el-table__row').filter({ hasText: rep.name });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('400.00');
    await row.click();
    const lines = page.locator('[data-test=commission-lines]');
    const line = lines.locator('.el-table__row').filter({ hasText: order.number });
    await line.waitFor();
    await expect(line.innerText()).resolves.toContain(customerName);
    await expect(line.innerText()).resolves.toContain('8,000.00');
    await settle(page);
    await page.screenshot({ path: screenshotPath('revenue-commission.png') });
  });

  it('the grading rules editor saves a rule, and the customer shows its labelled grade (and a manual override)', async () => {
    const industry = `海洋装备 ${run}`;
    const customerName = `大连远洋船舶设备有限公司 ${run}`;
    const customerId = (await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token: adminToken, body: { name: customerName, industry } })).id;
    const label = `战略${run.slice(-4)}`;

    await signIn(page, adminEmail, adminPassword);
    await page.goto(`${baseUrl}/revenue/grading`);
    await field(page.locator('body'), 'grade-label-A').fill(label);
    await page.locator('[data-test=grading-add-rule]').click();
    const rule = page.locator('[data-test=grading-rule]').last();
    await field(rule, 'rule-name').fill(`行业重点 ${run}`);
    await rule.locator('[data-test=rule-grade]').click();
    await gradeOption(page, 'A').click();
    await rule.locator('[data-test=condition-type]').click();
    await option(page, '行业属于').click();
    await rule.locator('[data-test=condition-values]').click();
    await page.keyboard.type(industry);
    await page.keyboard.press('Enter');
    await rule.locator('[data-test=condition-values]').getByText(industry).waitFor();
    await page.locator('[data-test=grading-save]').click();
    await page.locator('.el-message--success').first().waitFor();
    await page.locator('[data-test=grading-recompute]').click();
    await page.screenshot({ path: screenshotPath('revenue-grading.png'), fullPage: true });
    await page.locator('.el-message--success').filter({ hasText: '重新分级' }).waitFor();

    const saved = await api<{ labels: { A: string }; rules: { name: string; grade: string; conditions: { type: string; values?: string[] }[] }[] }>('/api/v1/grading-rules', { token: adminToken });
    expect(saved.labels.A).toBe(label);
    expect(saved.rules.at(-1)).toMatchObject({ name: `行业重点 ${run}`, grade: 'A', conditions: [{ type: 'industry', values: [industry] }] });

    // The customer page shows the grade with its label, in the header and the overview.
    await page.goto(`${baseUrl}/sales/customers/${customerId}`);
    const tag = page.locator('.customer-detail__title [data-test=grade-tag]');
    await tag.getByText(`A · ${label}`, { exact: true }).waitFor();
    await page.locator('[data-test=customers-table], .customer-overview').first().getByText(`A · ${label}`).waitFor();

    // A manager sets it by hand with a reason: the tag changes and the reason is shown.
    await page.locator('[data-test=override-grade]').click();
    const dialog = page.locator('[data-test=grade-dialog]');
    await dialog.locator('[data-test=grade-select]').click();
    await gradeOption(page, 'B').click();
    await field(dialog, 'grade-reason').fill('集团内部关联客户');
    await dialog.locator('[data-test=grade-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await tag.getByText(/^B/).waitFor();
    await page.locator('[data-test=grade-reason-text]').getByText('集团内部关联客户').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('revenue-grade.png') });
    const customer = await api<{ grade: string; gradeReason: string; gradeLockedAt: string | null }>(`/api/v1/customers/${customerId}`, { token: adminToken });
    expect(customer).toMatchObject({ grade: 'B', gradeReason: '集团内部关联客户' });
    expect(customer.gradeLockedAt).not.toBeNull();
  });
});
