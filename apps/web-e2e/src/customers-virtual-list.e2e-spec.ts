import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { name: '周经理', email: `zhou.virtual.${run}@e2e.kehu.local`, password: 'Manager-pass-123' };
const rows = 10_000;
const nameOf = (i: number) => `滚动测试客户 ${run} ${String(i).padStart(5, '0')}`;

/** The rows the table has in the DOM, and what the footer says is loaded. */
const tableState = (page: Page) =>
  page.evaluate(() => ({
    domRows: document.querySelectorAll('[data-test=customers-table] .el-table-v2__row').length,
    count: document.querySelector('[data-test=list-count]')?.textContent ?? '',
  }));

/** Scrolls the table's body (the element that scrolls vertically) to its end or its top. */
const scrollTable = (page: Page, to: 'end' | 'top') =>
  page.evaluate((where) => {
    const body = Array.from(document.querySelectorAll<HTMLElement>('[data-test=customers-table] .el-table-v2__main *')).find(
      (el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible',
    );
    if (body) body.scrollTop = where === 'end' ? body.scrollHeight : 0;
  }, to);

describe('a customer list of ten thousand rows', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { accessToken: adminToken } = await login(adminEmail, adminPassword);
    // A manager of a department of their own (department scope), who may import.
    const dept = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: adminToken, body: { name: `滚动部 ${run}` } });
    await api('/api/v1/users', { method: 'POST', token: adminToken, body: { email: manager.email, name: manager.name, roles: ['sales_manager'], password: manager.password, departmentId: dept.id } });
    // Ten thousand customers through the API, as a CSV import job.
    const { accessToken } = await login(manager.email, manager.password);
    const csv = ['客户名称', ...Array.from({ length: rows }, (_, i) => nameOf(i + 1))].join('\n');
    const started = await fetch(`${baseUrl}/api/v1/customers/imports`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'text/csv' }, body: csv });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    for (;;) {
      const job = await api<{ status: string; created: number; error: string | null }>(`/api/v1/imports/${id}`, { token: accessToken });
      if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
      if (job.status === 'done') {
        expect(job.created).toBe(rows);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('selects rows, then scrolls to the last of 10,000 customers with only the rows in view in the page', async () => {
    await signIn(page, manager.email, manager.password);
    await page.goto(`${baseUrl}/sales`);
    const table = page.locator('[data-test=customers-table]');
    await table.locator('.el-table-v2__row').first().waitFor();
    await page.locator('[data-test=list-count]', { hasText: `50 / ${rows}` }).waitFor();

    // Sort by name (ascending): the first customer comes first, the last one is at the end.
    await table.locator('.el-table-v2__header-cell').filter({ hasText: /^名称$/ }).click();
    await table.getByText(nameOf(1), { exact: true }).waitFor();

    // Rows are selected by their checkboxes, all loaded rows by the header's; the bulk bar follows.
    await table.locator('[data-test=row-select]').nth(0).click();
    await table.locator('[data-test=row-select]').nth(1).click();
    await page.locator('[data-test=bulk-bar]').getByText('已选 2 个').waitFor();
    await table.locator('.el-table-v2__header-cell .el-checkbox').click();
    await page.locator('[data-test=bulk-bar]').getByText('已选 50 个').waitFor();
    await table.locator('.el-table-v2__header-cell .el-checkbox').click();
    await page.locator('[data-test=bulk-bar]').waitFor({ state: 'detached' });

    // Scrolling to the end loads the next pages until all ten thousand are there.
    let state = await tableState(page);
    const domCounts: number[] = [];
    for (let i = 0; i < 200 && !state.count.includes(`${rows} / ${rows}`); i++) {
      await scrollTable(page, 'end');
      await page.waitForTimeout(60);
      state = await tableState(page);
      domCounts.push(state.domRows);
    }
    expect(state.count).toContain(`已显示 ${rows} / ${rows} 条`);
    await scrollTable(page, 'end');
    await table.getByText(nameOf(rows), { exact: true }).waitFor();
    await expect(page.locator('[data-test=load-more]').count()).resolves.toBe(0);

    // Only the rows in view (and a few around them) are ever in the DOM.
    expect(Math.max(...domCounts)).toBeLessThan(80);
    await expect(table.getByText(nameOf(1), { exact: true }).count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('customers-virtual-end.png') });

    // The first customer opens from the top again after scrolling back.
    await scrollTable(page, 'top');
    await table.getByText(nameOf(1), { exact: true }).click();
    await page.waitForURL(/\/sales\/customers\/[0-9a-f-]{36}$/);
    await page.locator('[data-test=customer-title]').getByText(nameOf(1)).waitFor();
  });
});
