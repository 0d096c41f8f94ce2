import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const customerName = `苏州工业园区精密机械有限公司 ${run}`;
const dealName = `年度设备维保合同 ${run}`;
const leadName = `陈静 ${run}`;
// A sales rep without a department: their own deals only (own scope), as the rep.
const rep = { name: '周强', email: `zhou.qiang.${run}@e2e.kehu.local`, password: 'Rep-pass-12345' };

/** "3 个" → 3. */
async function countOf(column: Locator): Promise<number> {
  const text = await column.locator('[data-test=column-count]').innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

describe('the deals board', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    ({ accessToken: token } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: adminEmail, password: adminPassword } }));
    await api('/api/v1/users', { method: 'POST', token, body: { email: rep.email, name: rep.name, roles: ['sales_rep'], password: rep.password } });
    const { accessToken: repToken } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: rep.email, password: rep.password } });
    await api('/api/v1/customers', { method: 'POST', token: repToken, body: { name: customerName } });
    await api('/api/v1/leads', {
      method: 'POST',
      token,
      body: { personName: leadName, companyName: '杭州云帆软件有限公司', phone: `137${String(Date.now()).slice(-8)}`, source: 'exhibition', province: '浙江省', city: '杭州市' },
    });
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a rep creates an opportunity on the board and drags it to the next stage; the column counts follow', async () => {
    await signIn(page, rep.email, rep.password);
    await page.goto(`${baseUrl}/sales/deals/board`);
    const columns = page.locator('[data-test=board-column]');
    await columns.first().waitFor();
    const first = columns.nth(0);
    const second = columns.nth(1);
    const before = [await countOf(first), await countOf(second)];

    // Create: customer picked by name, an amount; lands in the first stage.
    await page.locator('[data-test=create-opportunity]').click();
    const dialog = page.locator('[data-test=opportunity-dialog]');
    await dialog.locator('[data-test=customer-picker]').click();
    await page.keyboard.type(customerName.slice(0, 12));
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: customerName }).click();
    // Element Plus puts data-test on the <input> of an el-input, on the wrapper of an el-input-number.
    await dialog.locator('input[data-test=opportunity-name]').fill(dealName);
    await dialog.locator('input[data-test=opportunity-amount], [data-test=opportunity-amount] input').first().fill('128000');
    await dialog.locator('[data-test=opportunity-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    const card = first.locator(`[data-card="${dealName}"]`);
    await card.waitFor();
    await expect(countOf(first)).resolves.toBe(before[0] + 1);

    // Drag it to the second stage: the card moves, counts change, the server has it there.
    await card.dragTo(second);
    await second.locator(`[data-card="${dealName}"]`).waitFor();
    await page.getByText('已移动到').first().waitFor();
    await expect(countOf(first)).resolves.toBe(before[0]);
    await expect(countOf(second)).resolves.toBe(before[1] + 1);
    await expect(second.locator('[data-test=column-total]').innerText()).resolves.toMatch(/\d/);

    const { data } = await api<{ data: { name: string; stageId: string }[] }>(`/api/v1/opportunities?q=${encodeURIComponent(run)}`, { token });
    const board = await api<{ columns: { stage: { id: string } }[] }>(
      `/api/v1/pipelines/${(await api<{ data: { id: string; isDefault: boolean }[] }>('/api/v1/pipelines', { token })).data.find((p) => p.isDefault)!.id}/board`,
      { token },
    );
    expect(data.find((o) => o.name === dealName)?.stageId).toBe(board.columns[1].stage.id);

    // After a reload the board shows the same.
    await page.reload();
    await columns.nth(1).locator(`[data-card="${dealName}"]`).waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('deals-board.png') });
  });

  it('the leads list shows the lead created through the API', async () => {
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`${baseUrl}/sales/leads`);
    const table = page.locator('[data-test=leads-table]');
    await table.getByText(leadName).waitFor();
    await expect(table.locator('.el-table-v2__row', { hasText: leadName }).innerText()).resolves.toContain('展会');
    await settle(page);
    await page.screenshot({ path: screenshotPath('leads-list.png') });
  });
});
