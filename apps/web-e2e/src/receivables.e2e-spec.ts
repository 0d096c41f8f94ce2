import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const rep = { email: `receivables-rep-${run}@kehu.test`, name: `孙磊 ${run}`, password: 'Receivables-rep-passw0rd!' };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('contracts and receivables', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an approved contract with a receivable plan gets payments: the instalment becomes partial, then paid', async () => {
    // Set-up through the API: the rep's contract, approved by the admin, with one instalment of ¥30,000.
    const { accessToken: adminToken } = await login(adminEmail, adminPassword);
    await api('/api/v1/users', { method: 'POST', token: adminToken, body: { email: rep.email, name: rep.name, roles: ['sales_rep'], password: rep.password } });
    const { accessToken: token } = await login(rep.email, rep.password);
    const customerId = (await api<{ id: string }>('/api/v1/customers', { method: 'POST', token, body: { name: `无锡华源电气有限公司 ${run}` } })).id;
    const contract = await api<{ id: string }>('/api/v1/sales-contracts', {
      method: 'POST',
      token,
      body: { title: `配电柜年度采购合同 ${run}`, customerId, amount: 30000, startDate: day(-10), endDate: day(355), signedDate: day(-10) },
    });
    await api(`/api/v1/sales-contracts/${contract.id}/submit`, { method: 'POST', token, body: {} });
    await api(`/api/v1/sales-contracts/${contract.id}/approve`, { method: 'POST', token: adminToken, body: {} });
    await api(`/api/v1/sales-contracts/${contract.id}/receivables`, { method: 'POST', token, body: { dueDate: day(20), amount: 30000, note: '首付款' } });

    await signIn(page, rep.email, rep.password);
    await page.goto(`${baseUrl}/contracts/${contract.id}`);
    const instalment = page.locator('[data-test=receivables-table] .el-table__row').filter({ hasText: '首付款' });
    await instalment.getByText('待回款').waitFor();

    // A part payment: the instalment shows "partially received".
    await instalment.locator('[data-test=record-payment]').click();
    const dialog = page.locator('[data-test=payment-dialog]');
    await dialog.locator('[data-test=payment-amount] input').fill('12000');
    await dialog.locator('[data-test=payment-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await instalment.getByText('部分回款').waitFor();
    await expect(instalment.innerText()).resolves.toContain('18,000.00');

    // The rest (the dialog offers the outstanding amount): paid, and no more payment button.
    await instalment.locator('[data-test=record-payment]').click();
    await expect(dialog.locator('[data-test=payment-amount] input').inputValue()).resolves.toBe('18000.00');
    await dialog.locator('[data-test=payment-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await instalment.getByText('已回款').waitFor();
    await expect(instalment.locator('[data-test=record-payment]').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('receivables-paid.png'), fullPage: true });

    const plan = await api<{ instalments: { status: string; received: number; payments: unknown[] }[] }>(`/api/v1/sales-contracts/${contract.id}/receivables`, { token });
    expect(plan.instalments).toHaveLength(1);
    expect(plan.instalments[0]).toMatchObject({ status: 'paid', received: 30000 });
    expect(plan.instalments[0].payments).toHaveLength(2);

    // The contracts list and the receivables across contracts (virtual tables) have them; a row opens its contract.
    const title = `配电柜年度采购合同 ${run}`;
    const customerName = `无锡华源电气有限公司 ${run}`;
    await page.goto(`${baseUrl}/contracts`);
    await page.locator('[data-test=contract-search]').fill(run);
    const contractRow = page.locator('[data-test=contracts-table] .el-table-v2__row').filter({ hasText: title });
    await contractRow.getByText(customerName).waitFor();
    await expect(contractRow.innerText()).resolves.toContain('30,000.00');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contracts-list.png') });
    await page.goto(`${baseUrl}/contracts/receivables`);
    await page.locator('[data-test=receivable-status-filter]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '已回款' }).click();
    const receivableRow = page.locator('[data-test=receivables-list] .el-table-v2__row').filter({ hasText: customerName });
    await receivableRow.waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('receivables-list.png') });
    await receivableRow.getByText('已回款').click();
    await page.waitForURL(`${baseUrl}/contracts/${contract.id}`);
  });
});
