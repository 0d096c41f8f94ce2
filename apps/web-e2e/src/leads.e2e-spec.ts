import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const followName = `周敏 ${run}`;
const assignName = `韩磊 ${run}`;
const convertName = `许婷 ${run}`;
const convertCompany = `宁波海曙精工机械有限公司 ${run}`;
const repName = `李娜 ${run}`;
const ruleName = `四川线索 ${run}`;

interface Lead {
  id: string;
  ownerId: string | null;
  status: string;
}

describe('leads in the browser', () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  let repId: string;
  const lead = (personName: string, extra: object = {}) =>
    api<Lead>('/api/v1/leads?allowDuplicate=true', { method: 'POST', token, body: { personName, source: 'exhibition', ...extra } });
  const row = (name: string) => page.locator('[data-test=leads-table] .el-table-v2__row', { hasText: name });
  /** The lead's part of its row in the fixed actions column (ElTableV2 draws fixed columns apart; both parts carry the row key). */
  const actions = (created: Lead) => page.locator(`[data-test=leads-table] .el-table-v2__right .el-table-v2__row[data-row-key="${created.id}"]`);

  beforeAll(async () => {
    ({ accessToken: token } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: adminEmail, password: adminPassword } }));
    const department = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token, body: { name: `华南销售 ${run}` } });
    repId = (
      await api<{ id: string }>('/api/v1/users', {
        method: 'POST',
        token,
        body: { email: `lina-${run}@kehu.test`, name: repName, roles: ['sales_rep'], password: 'Rep-pass-12345', departmentId: department.id },
      })
    ).id;
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('logs a follow-up on a lead from its drawer: the timeline shows it and the new lead becomes contacted', async () => {
    const created = await lead(followName, { companyName: '厦门鹭岛贸易有限公司' });
    await page.goto(`${baseUrl}/sales/leads`);
    await row(followName).locator('[data-test=lead-open]').click();
    const drawer = page.locator('[data-test=lead-drawer]');
    await drawer.getByText('尚未联系').waitFor();
    await drawer.locator('[data-test=lead-log-follow-up]').click();

    const quick = page.locator('[data-test=quick-entry]');
    await expect(quick.locator('[data-test=quick-lead]').innerText()).resolves.toBe(followName);
    // Tasks are planned on customers: not offered for a lead.
    await expect(quick.locator('[data-type=task]').count()).resolves.toBe(0);
    await quick.locator('textarea[data-test=quick-text], [data-test=quick-text] textarea').first().fill('首次电话沟通\n对方下周安排演示');
    await quick.locator('[data-test=quick-save]').click();
    await quick.waitFor({ state: 'hidden' });

    await drawer.locator('[data-test=timeline] [data-activity="首次电话沟通"]').waitFor();
    await expect(drawer.locator('[data-test=lead-drawer-status]').innerText()).resolves.toBe('已联系');
    await expect(drawer.locator('[data-test=lead-last-contacted]').innerText()).resolves.not.toBe('尚未联系');
    await expect(row(followName).innerText()).resolves.toContain('已联系');
    const stored = await api<Lead>(`/api/v1/leads/${created.id}`, { token });
    expect(stored.status).toBe('contacted');
    await settle(page);
    await page.screenshot({ path: screenshotPath('lead-drawer.png') });
    await drawer.locator('.el-drawer__close-btn').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('assigns a lead to a colleague with the assign dialog', async () => {
    const created = await lead(assignName);
    await page.goto(`${baseUrl}/sales/leads`);
    await row(assignName).waitFor();
    await actions(created).locator('[data-test=lead-assign]').click();
    const dialog = page.locator('[data-test=assign-dialog]');
    await dialog.locator('[data-test=owner-select]').click();
    await page.keyboard.type(repName.slice(0, 2));
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: repName }).click();
    await settle(page);
    await page.screenshot({ path: screenshotPath('lead-assign.png') });
    await dialog.locator('[data-test=assign-submit]').click();
    await dialog.waitFor({ state: 'hidden' });
    await row(assignName).getByText(repName).waitFor();
    expect((await api<Lead>(`/api/v1/leads/${created.id}`, { token })).ownerId).toBe(repId);
  });

  it('converts a lead with an opportunity and lands on the customer, whose follow-ups include the lead history', async () => {
    const created = await lead(convertName, { companyName: convertCompany, phone: `136${String(Date.now()).slice(-8)}` });
    await api(`/api/v1/leads/${created.id}/activities`, { method: 'POST', token, body: { type: 'visit', subject: `展会面谈 ${run}` } });
    await page.goto(`${baseUrl}/sales/leads`);
    await row(convertName).waitFor();
    await actions(created).locator('[data-test=lead-convert]').click();
    const dialog = page.locator('[data-test=convert-dialog]');
    await dialog.locator('[data-test=convert-opportunity]').click();
    await dialog.locator('input[data-test=convert-opportunity-name], [data-test=convert-opportunity-name] input').first().fill(`首批采购 ${run}`);
    await dialog.locator('input[data-test=convert-opportunity-amount], [data-test=convert-opportunity-amount] input').first().fill('86000');
    await settle(page);
    await page.screenshot({ path: screenshotPath('lead-convert.png') });
    await dialog.locator('[data-test=convert-submit]').click();

    await page.waitForURL(/\/sales\/customers\/[0-9a-f-]+\?tab=opportunities/);
    await expect(page.locator('[data-test=customer-title]').innerText()).resolves.toBe(convertCompany);
    const opportunities = page.locator('[data-test=customer-opportunities]');
    await opportunities.getByText(`首批采购 ${run}`).waitFor();
    await expect(opportunities.innerText()).resolves.toMatch(/86,000/);
    await settle(page);
    await page.screenshot({ path: screenshotPath('lead-converted-customer.png') });

    // The follow-up logged on the lead is on the customer's timeline now.
    await page.locator('.el-tabs__item', { hasText: '跟进记录' }).click();
    await page.locator(`[data-test=timeline] [data-activity="展会面谈 ${run}"]`).waitFor();
    expect((await api<Lead>(`/api/v1/leads/${created.id}`, { token })).status).toBe('converted');
  });

  it('creates an assignment rule in the rules editor; it appears in the list', async () => {
    await page.goto(`${baseUrl}/sales/leads/assignment-rules`);
    await page.locator('[data-test=create-rule]').click();
    const dialog = page.locator('[data-test=rule-dialog]');
    await dialog.locator('input[data-test=rule-name], [data-test=rule-name] input').first().fill(ruleName);
    await dialog.locator('[data-test=rule-provinces]').click();
    await page.keyboard.type('四川省');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.locator('[data-test=owner-select]').click();
    await page.keyboard.type(repName.slice(0, 2));
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: repName }).click();
    await settle(page);
    await page.screenshot({ path: screenshotPath('rule-dialog.png') });
    await dialog.locator('[data-test=rule-save]').click();
    await dialog.waitFor({ state: 'hidden' });

    const created = page.locator('[data-test=rule-row]', { hasText: ruleName });
    await created.waitFor();
    await expect(created.innerText()).resolves.toContain('四川省');
    await expect(created.innerText()).resolves.toContain(repName);
    const { data } = await api<{ data: { name: string; provinces: string[]; targetUserId: string | null }[] }>('/api/v1/assignment-rules', { token });
    expect(data.find((r) => r.name === ruleName)).toMatchObject({ provinces: ['四川省'], targetUserId: repId });
    await settle(page);
    await page.screenshot({ path: screenshotPath('rules-list.png') });
  });
});
