import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { name: '陈经理', email: `chen.manager.${run}@e2e.kehu.local`, password: 'Manager-pass-123' };
const names = [`宁海导入甲公司 ${run}`, `宁海导入乙公司 ${run}`];
const csv = ['客户名称,电话,城市', `${names[0]},13800${run.slice(-6).replace(/\D/g, '1').padStart(6, '1')},宁波`, `${names[1]},,舟山`, `坏电话公司 ${run},12345,`].join('\n');

describe('CSV import and export', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { accessToken } = await login(adminEmail, adminPassword);
    const dept = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: accessToken, body: { name: `导入部 ${run}` } });
    await api('/api/v1/users', { method: 'POST', token: accessToken, body: { email: manager.email, name: manager.name, roles: ['sales_manager'], password: manager.password, departmentId: dept.id } });
    browser = await launchBrowser({ locale: 'zh-CN', acceptDownloads: true });
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a manager imports a small CSV through the dialog, sees the rows in the list, then exports them', async () => {
    await signIn(page, manager.email, manager.password);
    await page.goto(`${baseUrl}/sales`);
    await page.locator('[data-test=import-customers]').click();
    const dialog = page.locator('[data-test=csv-import-dialog]');
    await dialog.locator('[data-test=csv-import-file]').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });

    // The preview shows the first rows with the detected mapping.
    await dialog.getByText(names[0]).waitFor();
    await expect(dialog.locator('[data-test="csv-map-客户名称"]').innerText()).resolves.toContain('客户名称');
    await settle(page);
    await page.screenshot({ path: screenshotPath('csv-import-mapping.png') });
    await dialog.locator('[data-test=csv-import-start]').click();

    const summary = dialog.locator('[data-test=csv-import-summary]');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(/新建 2 条[\s\S]*失败 1 行/);
    await summary.locator('[data-test=csv-import-errors]').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('csv-import-summary.png') });
    await dialog.locator('[data-test=csv-import-close]').click();

    const table = page.locator('[data-test=customers-table]');
    for (const name of names) await table.getByText(name).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-customers]').click()]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    expect(text).toContain('客户名称');
    for (const name of names) expect(text).toContain(name);
  });
});
