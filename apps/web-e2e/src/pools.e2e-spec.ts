import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const customerName = `宁波港城贸易有限公司 ${run}`;
const rep = { email: `pool-rep-${run}@kehu.test`, name: `周婷 ${run}`, password: 'Pool-rep-passw0rd!' };

describe('the public pool', () => {
  let browser: Browser;
  let page: Page;
  let customerId: string;
  let repId: string;

  beforeAll(async () => {
    const { accessToken } = await login(adminEmail, adminPassword);
    repId = (await api<{ id: string }>('/api/v1/users', { method: 'POST', token: accessToken, body: { email: rep.email, name: rep.name, roles: ['sales_rep'], password: rep.password } })).id;
    // A colleague had the customer and released it to the pool with a reason.
    customerId = (await api<{ id: string }>('/api/v1/customers', { method: 'POST', token: accessToken, body: { name: customerName, province: '浙江省', city: '宁波市' } })).id;
    await api(`/api/v1/pools/customers/${customerId}/release`, { method: 'POST', token: accessToken, body: { reason: '客户暂无采购计划' } });
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a rep finds a released customer in the pool, reads its history and claims it', async () => {
    await signIn(page, rep.email, rep.password);
    await page.goto(`${baseUrl}/sales/pools`);
    await page.locator('[data-test=pool-quota]').waitFor();
    await page.getByPlaceholder('按名称搜索').fill(run);
    const row = page.locator('[data-test=pool-table] .el-table-v2__row').filter({ hasText: customerName });
    await row.waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('pool-list.png') });

    // The preview shows who had it and why it came back before the rep decides.
    await row.getByText(customerName).click();
    const drawer = page.locator('[data-test=pool-customer-drawer]');
    await drawer.locator('[data-test=ownership-history]').getByText('客户暂无采购计划').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('pool-preview.png') });
    await drawer.locator('[data-test=drawer-claim]').click();
    await page.locator('.el-message--success').waitFor();
    await row.waitFor({ state: 'detached' });

    const { accessToken } = await login(rep.email, rep.password);
    const customer = await api<{ ownerId: string; claimedAt: string | null }>(`/api/v1/customers/${customerId}`, { token: accessToken });
    expect(customer.ownerId).toBe(repId);
    expect(customer.claimedAt).not.toBeNull();
  });
});
