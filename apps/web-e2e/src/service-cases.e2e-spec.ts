import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const agent = { email: `service-agent-${run}@kehu.test`, name: `周敏 ${run}`, password: 'Service-agent-passw0rd!' };
const customerName = `苏州恒达精密机械有限公司 ${run}`;
const subject = `打印机卡纸，无法打印 ${run}`;
// Screenshots for looking at, outside the repository.
const shot = (name: string) => join(tmpdir(), `cases-${name}.png`);

describe('service cases with SLA', () => {
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

  it('an agent raises a case for a customer, replies, resolves it and sees the SLA clocks, the history and the figures', async () => {
    const { accessToken: adminToken } = await login(adminEmail, adminPassword);
    // Agents work the cases of their department (the service roles' data scope), so the agent has one.
    const department = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: adminToken, body: { name: `客服部 ${run}` } });
    await api('/api/v1/users', { method: 'POST', token: adminToken, body: { email: agent.email, name: agent.name, roles: ['service_agent'], password: agent.password, departmentId: department.id } });
    const customer = await api<{ id: string }>('/api/v1/customers', { method: 'POST', token: adminToken, body: { name: customerName } });

    await signIn(page, agent.email, agent.password);
    await page.locator('[data-test=sidebar] [data-nav=service]').click();
    await page.waitForURL(`${baseUrl}/service/cases`);

    // New case: customer picked by name, subject, priority high.
    await page.locator('[data-test=create-case]').click();
    const dialog = page.locator('[data-test=case-dialog]');
    await dialog.locator('[data-test=customer-picker]').click();
    await page.keyboard.type(run);
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: customerName }).click();
    await dialog.locator('input[data-test=case-subject]').fill(subject);
    await dialog.locator('textarea[data-test=case-description]').fill('三楼财务室的打印机一直提示卡纸，已清理仍无法打印。');
    await dialog.locator('[data-test=case-priority]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '高' }).click();
    await settle(page);
    await page.screenshot({ path: shot('new-dialog') });
    await dialog.locator('[data-test=case-save]').click();
    await page.waitForURL(/\/service\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;

    // A fresh case: new, both clocks running against the high-priority targets.
    await page.locator('[data-test=case-title]').getByText(subject).waitFor();
    await page.locator('[data-test=case-detail-status]').getByText('新建').waitFor();
    const response = page.locator('[data-test=case-response-sla] [data-test=sla-badge]');
    await expect(response.getAttribute('data-state')).resolves.toMatch(/running|at_risk/);
    await expect(response.innerText()).resolves.toMatch(/后到期/);

    // A reply to the customer stops the response clock (met) and takes the case up.
    await page.locator('textarea[data-test=case-reply-input]').fill('您好，已安排工程师明早上门检查搓纸轮。');
    await page.locator('[data-test=case-send]').click();
    await page.locator('[data-test=case-timeline] [data-kind=reply]').getByText('已安排工程师明早上门').waitFor();
    await page.locator('[data-test=case-detail-status]').getByText('处理中').waitFor();
    await response.getByText('已达标').waitFor();

    // An internal note is marked as such and changes no clock.
    await page.locator('[data-test=composer-note]').click();
    await page.locator('textarea[data-test=case-reply-input]').fill('备件库存还有两个搓纸轮。');
    await page.locator('[data-test=case-send]').click();
    const note = page.locator('[data-test=case-timeline] [data-kind=note]');
    await note.getByText('备件库存还有两个搓纸轮').waitFor();
    await note.getByText('内部', { exact: true }).waitFor();

    // Resolve with what solved it: resolved, the resolution clock met, the history has every step.
    await page.locator('[data-test=case-resolve]').click();
    const resolveDialog = page.locator('[data-test=case-resolve-dialog]');
    await resolveDialog.locator('textarea[data-test=case-resolution]').fill('更换搓纸轮后恢复正常');
    await resolveDialog.locator('[data-test=case-resolve-confirm]').click();
    await resolveDialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test=case-detail-status]').getByText('已解决').waitFor();
    await page.locator('[data-test=case-resolution-sla]').getByText('已达标').waitFor();
    await page.locator('[data-test=case-resolution-note]').getByText('更换搓纸轮后恢复正常').waitFor();
    const kinds = await page.locator('[data-test=case-timeline] li').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds).toEqual(['created', 'reply', 'note', 'resolved']);
    await expect(page.locator('[data-test=case-reply-input]').count()).resolves.toBe(1); // notes stay possible
    await expect(page.locator('[data-test=composer-reply] input').isDisabled()).resolves.toBe(true);

    // The customer's satisfaction, once.
    await page.locator('[data-test=case-rate] .el-rate__item').nth(4).click();
    await page.locator('[data-test=case-rate-save]').click();
    await page.locator('[data-test=case-timeline] [data-kind=satisfaction]').waitFor();
    await expect(page.locator('[data-test=case-rate-save]').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: shot('detail'), fullPage: true });

    const stored = await api<{ status: string; satisfaction: number; firstContactResolution: boolean; response: { state: string } }>(`/api/v1/cases/${caseId}`, {
      token: (await login(agent.email, agent.password)).accessToken,
    });
    expect(stored).toMatchObject({ status: 'resolved', satisfaction: 5, firstContactResolution: true, response: { state: 'met' } });

    // The list (all cases) has it with its status and both SLA badges met.
    await page.goto(`${baseUrl}/service/cases?view=all`);
    await page.locator('input[data-test=case-search]').fill(run);
    const row = page.locator('[data-test=cases-table] .el-table-v2__row').filter({ hasText: subject });
    await row.getByText('已解决').waitFor();
    await expect(row.innerText()).resolves.toContain(customerName);
    await expect(row.locator('[data-test=sla-badge][data-state=met]').count()).resolves.toBe(2);
    await settle(page);
    await page.screenshot({ path: shot('list') });
    // "My open cases" no longer shows it.
    await page.locator('input[data-test=case-search]').fill('');
    await page.locator('[data-test=case-quick-filter] [data-quick=mine]').click();
    await page.waitForURL(`${baseUrl}/service/cases`);
    await page.locator('[data-test=cases-table]').getByText('您没有待处理的工单').waitFor();

    // The figures count the resolved case: one opened, one resolved, solved at first contact.
    await page.goto(`${baseUrl}/service/metrics`);
    const kpis = page.locator('[data-test=metrics-kpis]');
    await kpis.locator('[data-kpi=opened]').getByText('解决 1').waitFor();
    await expect(kpis.locator('[data-kpi=fcr]').innerText()).resolves.toContain('100.0%');
    await expect(kpis.locator('[data-kpi=csat]').innerText()).resolves.toContain('5.0');
    await page.locator('[data-test=metrics-agents]').getByText(agent.name).waitFor();
    await settle(page);
    await page.screenshot({ path: shot('metrics'), fullPage: true });

    // The customer's page lists its cases in a tab.
    await page.goto(`${baseUrl}/sales/customers/${customer.id}?tab=cases`);
    await page.locator('[data-test=customer-cases]').getByText(subject).waitFor();
    await expect(page.locator('[data-test=customer-cases]').innerText()).resolves.toContain('已解决');

    // On a phone the list and the case fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/service/cases?view=all', `/service/cases/${caseId}`]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText(subject).first().waitFor();
      await settle(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: shot('detail-phone'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // In English every text of the case page is translated (no raw message keys).
    await page.evaluate(() => localStorage.setItem('kehu.locale', 'en'));
    await page.goto(`${baseUrl}/service/cases/${caseId}`);
    await page.locator('[data-test=case-detail-status]').getByText('Resolved').waitFor();
    await page.locator('[data-test=case-resolution-sla]').getByText('Met').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/service\.[a-z]+\.[a-zA-Z]/);
    await settle(page);
    await page.screenshot({ path: shot('detail-en'), fullPage: true });
  });

  it('an administrator edits the SLA policy: auto-close days saved with If-Match', async () => {
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`${baseUrl}/service/sla-policy`);
    await page.locator('[data-test=sla-targets]').getByText('紧急').waitFor();
    const autoClose = page.locator('[data-test=sla-auto-close] input');
    const before = Number(await autoClose.inputValue());
    const next = before === 9 ? 10 : 9;
    await autoClose.fill(String(next));
    await autoClose.blur();
    await page.locator('[data-test=sla-save]').click();
    await page.getByText('服务水平策略已保存').waitFor();
    await settle(page);
    await page.screenshot({ path: shot('sla-policy'), fullPage: true });
    const { accessToken } = await login(adminEmail, adminPassword);
    await expect(api<{ autoCloseDays: number }>('/api/v1/service/sla-policy', { token: accessToken })).resolves.toMatchObject({ autoCloseDays: next });
  });
});
