import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { email: `an-mgr-${run}@kehu.test`, name: `分析经理${run}`, password: 'Analytics-passw0rd!' };
const rep = { email: `an-rep-${run}@kehu.test`, name: `分析销售${run}`, password: 'Analytics-passw0rd!' };

describe('analytics: revenue cube and customer value', () => {
  let browser: Browser;
  let page: Page;
  let customerId: string;

  beforeAll(async () => {
    const admin = (await login(adminEmail, adminPassword)).accessToken;
    // A department of its own, so the manager's cube holds exactly this test's orders.
    const dept = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: admin, body: { name: `分析部${run}` } });
    await api('/api/v1/users', { method: 'POST', token: admin, body: { ...manager, roles: ['sales_manager'], departmentId: dept.id } });
    await api('/api/v1/users', { method: 'POST', token: admin, body: { ...rep, roles: ['sales_rep'], departmentId: dept.id } });
    const repToken = (await login(rep.email, rep.password)).accessToken;
    customerId = (await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token: repToken, body: { name: `深圳分析科技${run}`, province: '广东' } })).id;
    const other = (await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token: repToken, body: { name: `杭州分析贸易${run}`, province: '浙江' } })).id;
    const paidAt = new Date().toISOString();
    const order = (key: string, id: string, amount: number) =>
      api(`/api/v1/orders/by-external/e2e/${key}-${run}`, { method: 'PUT', token: repToken, body: { customerId: id, status: 'paid', placedAt: paidAt, paidAt, lines: [{ description: key, quantity: 1, unitPrice: amount }] } });
    await order('a', customerId, 1234.5);
    await order('b', other, 800);
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a manager sees the department's paid revenue by province and month, as a chart and a table", async () => {
    await signIn(page, manager.email, manager.password);
    await page.locator('[data-nav=analytics-revenue]').click();
    await page.waitForURL(/\/analytics\/revenue/);
    const table = page.locator('[data-test=cube-table]');
    await table.waitFor();
    const rows = table.locator('.el-table__body-wrapper tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toContain('广东');
    await expect(rows.nth(0).innerText()).resolves.toContain('1,234.50');
    await expect(rows.nth(1).innerText()).resolves.toContain('浙江');
    await expect(table.locator('.el-table__footer').innerText()).resolves.toContain('2,034.50');
    await expect(page.locator('[data-test=cube-chart] canvas').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('analytics-revenue-cube.png') });

    // Rows by owner, no columns: one row, the rep, with the total; the URL keeps the choice.
    await page.locator('[data-test=cube-rows]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '负责人' }).first().click();
    await page.locator('[data-test=cube-columns]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '无（合计）' }).first().click();
    await page.waitForURL(/rows=owner/);
    await settle(page);
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.nth(0).innerText()).resolves.toContain(rep.name);
    await expect(rows.nth(0).innerText()).resolves.toContain('2,034.50');
  });

  it('an admin recomputes customer values and the customer shows its segment and value', async () => {
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`${new URL(page.url()).origin}/analytics/customer-value`);
    await page.locator('[data-test=value-recompute]').click();
    await page.locator('[data-test=value-last-run]').waitFor({ timeout: 20_000 });
    const segments = page.locator('[data-test=value-segments] tbody tr');
    await expect(segments.count()).resolves.toBe(9);
    await expect(page.locator('[data-test=value-pie] canvas').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('analytics-customer-value.png'), fullPage: true });

    await page.goto(`${new URL(page.url()).origin}/sales/customers/${customerId}?tab=value`);
    const card = page.locator('[data-test=customer-value]');
    await card.locator('[data-test=customer-value-segment]').waitFor();
    await expect(card.locator('[data-test=customer-value-total]').innerText()).resolves.toContain('1,234.50');
    await expect(card.locator('[data-test=customer-value-segment]').innerText()).resolves.not.toBe('未成交');

    // The overview tab opens with the 360 tiles: the paid revenue and the computed value.
    await page.goto(`${new URL(page.url()).origin}/sales/customers/${customerId}`);
    const tiles = page.locator('[data-test=customer-360]');
    await tiles.locator('[data-test=tile-value]').waitFor();
    await expect(tiles.locator('[data-test=tile-revenue]').innerText()).resolves.toContain('1,234.50');
    await expect(tiles.locator('[data-test=tile-value]').innerText()).resolves.toContain('1,234.50');
    await page.screenshot({ path: screenshotPath('customer-360.png') });
  });
});
