import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

const run = Date.now().toString(36);
const customerName = `无锡惠山智能装备有限公司 ${run}`;
const dealName = `产线改造项目 ${run}`;

interface Opportunity {
  id: string;
  amount: number;
  version: number;
  lineItems: { productName: string; quantity: number; unitPrice: number; discountPercent: number; lineTotal: number }[];
}

describe('the opportunity page', () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  let opportunity: Opportunity;

  beforeAll(async () => {
    ({ accessToken: token } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: adminEmail, password: adminPassword } }));
    const customer = await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token, body: { name: customerName } });
    opportunity = await api<Opportunity>('/api/v1/opportunities', {
      method: 'POST',
      token,
      body: {
        customerId: customer.id,
        name: dealName,
        lineItems: [
          { productName: '伺服电机', quantity: 4, unitPrice: 2500 },
          { productName: '安装调试', quantity: 1, unitPrice: 6000, discountPercent: 10 },
        ],
      },
    });
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the opportunity in the virtual table of opportunities; a click on its row opens it', async () => {
    await page.goto(`${baseUrl}/sales/opportunities`);
    await page.locator('[data-test=opportunity-search]').fill(run);
    const row = page.locator('[data-test=opportunities-table] .el-table-v2__row').filter({ hasText: dealName });
    await page.locator('[data-test=list-count]', { hasText: '已显示 1 / 1 条' }).waitFor();
    await row.getByText(customerName).waitFor();
    await expect(page.locator('[data-test=opportunities-table] .el-table-v2__row').count()).resolves.toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('opportunities-list.png') });
    await row.getByText('¥15,400.00').click();
    await page.waitForURL(`${baseUrl}/sales/opportunities/${opportunity.id}`);
  });

  it('shows the amount as the total of the line items, with each line total', async () => {
    expect(opportunity.amount).toBe(15400);
    await page.goto(`${baseUrl}/sales/opportunities/${opportunity.id}`);
    await page.locator('h2', { hasText: dealName }).waitFor();
    await expect(page.locator('.el-descriptions').innerText()).resolves.toContain('¥15,400.00');
    await expect(page.locator('.el-descriptions').innerText()).resolves.toContain(customerName);
    const lines = page.locator('[data-test=opportunity-lines] tbody tr');
    await expect(lines.count()).resolves.toBe(2);
    await expect(lines.nth(0).innerText()).resolves.toMatch(/伺服电机[\s\S]*¥10,000\.00/);
    await expect(lines.nth(1).innerText()).resolves.toMatch(/安装调试[\s\S]*10%[\s\S]*¥5,400\.00/);
    await page.locator('[data-test=stage-history] strong').first().waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('opportunity-detail.png') });
  });

  it('edits the line items: the form shows the running total, saving updates the amount', async () => {
    await page.locator('[data-test=opportunity-edit]').click();
    const dialog = page.locator('[data-test=opportunity-dialog]');
    const editor = dialog.locator('[data-test=line-items]');
    await expect(editor.locator('[data-test=line-item]').count()).resolves.toBe(2);
    await expect(editor.locator('[data-test=lines-total]').innerText()).resolves.toBe('¥15,400.00');
    // The probability is left to the stage; the field says what that is.
    await expect(dialog.locator('input[placeholder="按阶段：10%"]').count()).resolves.toBe(1);

    await editor.locator('[data-test=add-line]').click();
    const added = editor.locator('[data-test=line-item]').nth(2);
    await added.locator('input[data-test=line-product], [data-test=line-product] input').first().fill('备件包');
    await added.locator('[data-test=line-quantity] input').fill('2');
    await added.locator('[data-test=line-price] input').fill('800');
    await added.locator('[data-test=line-discount] input').fill('25');
    await added.locator('[data-test=line-discount] input').blur();
    await expect(added.locator('[data-test=line-total]').innerText()).resolves.toBe('¥1,200.00');
    await expect(editor.locator('[data-test=lines-total]').innerText()).resolves.toBe('¥16,600.00');
    await settle(page);
    await page.screenshot({ path: screenshotPath('opportunity-edit-lines.png') });

    await dialog.locator('[data-test=opportunity-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.el-descriptions', { hasText: '¥16,600.00' }).waitFor();
    await expect(page.locator('[data-test=opportunity-lines] tbody tr').count()).resolves.toBe(3);
    const stored = await api<Opportunity>(`/api/v1/opportunities/${opportunity.id}`, { token });
    expect(stored.amount).toBe(16600);
    expect(stored.lineItems.find((l) => l.productName === '备件包')).toMatchObject({ quantity: 2, unitPrice: 800, discountPercent: 25, lineTotal: 1200 });
  });
});
