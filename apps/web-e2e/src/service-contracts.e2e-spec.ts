import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { email: `service-manager-${run}@kehu.test`, name: `孙倩 ${run}`, password: 'Service-manager-passw0rd!' };
const agent = { email: `contract-agent-${run}@kehu.test`, name: `李娜 ${run}`, password: 'Service-agent-passw0rd!' };
const customerName = `无锡华宇数控设备有限公司 ${run}`;
const contractName = `2027 年度金牌维保 ${run}`;
const subject = `主轴异响，设备停机 ${run}`;
// Screenshots for looking at, outside the repository.
const shot = (name: string) => join(tmpdir(), `sc-${name}.png`);
// Days in the SLA calendar's zone (the contract is active today).
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function pickDate(page: Page, formItem: string, value: string) {
  const input = page.locator(`[data-test=${formItem}] input`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('service contracts', () => {
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

  it('a service manager promises a customer faster high-priority targets; a case raised for it follows them and is listed under the contract', async () => {
    const { accessToken: adminToken } = await login(adminEmail, adminPassword);
    const department = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: adminToken, body: { name: `售后服务部 ${run}` } });
    for (const [user, role] of [[manager, 'service_manager'], [agent, 'service_agent']] as const) {
      await api('/api/v1/users', { method: 'POST', token: adminToken, body: { email: user.email, name: user.name, roles: [role], password: user.password, departmentId: department.id } });
    }
    await api('/api/v1/customers', { method: 'POST', token: adminToken, body: { name: customerName } });

    // The manager opens the service contracts from the service tabs.
    await signIn(page, manager.email, manager.password);
    await page.locator('[data-test=sidebar] [data-nav=service]').click();
    await page.waitForURL(`${baseUrl}/service/cases`);
    await page.locator('[data-test=service-subnav]').getByText('服务合同').click();
    await page.waitForURL(`${baseUrl}/service/contracts`);

    // New contract: customer, name, level, a term around today, visits, and own targets for high priority.
    await page.locator('[data-test=create-service-contract]').click();
    const dialog = page.locator('[data-test=service-contract-dialog]');
    await dialog.locator('[data-test=customer-picker]').click();
    await page.keyboard.type(run);
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: customerName }).click();
    await dialog.locator('input[data-test=service-contract-name]').fill(contractName);
    await dialog.locator('input[data-test=service-contract-level]').fill('金牌');
    await pickDate(page, 'service-contract-start', day(-30));
    await pickDate(page, 'service-contract-end', day(335));
    await dialog.locator('[data-test=service-contract-visits] input').fill('6');
    const high = dialog.locator('[data-test=service-contract-target][data-priority=high]');
    // Not overridden: the policy's targets as greyed text.
    await expect(high.locator('[data-test=target-first-response]').innerText()).resolves.toMatch(/小时|分钟|不设时限/);
    await expect(high.locator('input').count()).resolves.toBe(1); // only the override switch
    await high.locator('[data-test=target-override]').click();
    await high.locator('[data-test=target-first-response] [data-unit=hours] input').fill('0');
    await high.locator('[data-test=target-first-response] [data-unit=minutes] input').fill('15');
    await high.locator('[data-test=target-resolution] [data-unit=hours] input').fill('2');
    await high.locator('[data-test=target-resolution] [data-unit=minutes] input').fill('0');
    await high.locator('[data-test=target-business-hours]').click(); // around the clock
    await high.getByText('全天候').waitFor();
    await settle(page);
    await page.screenshot({ path: shot('form-dialog') });
    await dialog.locator('[data-test=service-contract-save]').click();
    await page.waitForURL(/\/service\/contracts\/[0-9a-f-]{36}$/);
    const contractId = page.url().split('/').pop()!;

    // The detail: active, the high override beside the policy, the others greyed as the policy default.
    await page.locator('[data-test=service-contract-title]').getByText(contractName).waitFor();
    await page.locator('[data-test=service-contract-detail-status]').getByText('生效中').waitFor();
    const levels = page.locator('[data-test=service-contract-levels]');
    const highRow = levels.locator('tr').filter({ has: page.locator('[data-priority=high]') });
    await expect(highRow.locator('[data-test=level-contract]').innerText()).resolves.toMatch(/15 分钟[\s\S]*2 小时[\s\S]*全天候/);
    await expect(levels.locator('[data-test=level-default]').count()).resolves.toBe(3);
    await page.locator('[data-test=service-contract-cases]').getByText('本合同下还没有工单').waitFor();

    const manageToken = (await login(manager.email, manager.password)).accessToken;
    const stored = await api<{ status: string; slaTargets: unknown[]; visitsIncluded: number; level: string }>(`/api/v1/service-contracts/${contractId}`, { token: manageToken });
    expect(stored).toMatchObject({ status: 'active', visitsIncluded: 6, level: '金牌', slaTargets: [{ priority: 'high', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false }] });

    // The list has it with its term, status and visits.
    await page.goto(`${baseUrl}/service/contracts`);
    await page.locator('input[data-test=service-contract-search]').fill(run);
    const row = page.locator('[data-test=service-contracts-table] .el-table-v2__row').filter({ hasText: contractName });
    await row.getByText('生效中').waitFor();
    await expect(row.innerText()).resolves.toContain(customerName);
    await expect(row.innerText()).resolves.toContain('金牌');
    await settle(page);
    await page.screenshot({ path: shot('list') });

    // An agent raises a high-priority case for the customer: the contract's targets apply.
    await signIn(page, agent.email, agent.password);
    await page.goto(`${baseUrl}/service/cases`);
    await page.locator('[data-test=create-case]').click();
    const caseDialog = page.locator('[data-test=case-dialog]');
    await caseDialog.locator('[data-test=customer-picker]').click();
    await page.keyboard.type(run);
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: customerName }).click();
    await caseDialog.locator('input[data-test=case-subject]').fill(subject);
    await caseDialog.locator('[data-test=case-priority]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '高' }).click();
    await caseDialog.locator('[data-test=case-save]').click();
    await page.waitForURL(/\/service\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;

    const agentToken = (await login(agent.email, agent.password)).accessToken;
    const raised = await api<{ serviceContractId: string; createdAt: string; response: { dueAt: string }; resolution: { dueAt: string } }>(`/api/v1/cases/${caseId}`, { token: agentToken });
    expect(raised.serviceContractId).toBe(contractId);
    const minutesAfter = (iso: string) => Math.round((Date.parse(iso) - Date.parse(raised.createdAt)) / 60_000);
    expect(minutesAfter(raised.response.dueAt)).toBe(15);
    expect(minutesAfter(raised.resolution.dueAt)).toBe(120);

    // The case shows the contract it was raised under, as a link to it.
    const link = page.locator('[data-test=case-service-contract]');
    await link.getByText(contractName).waitFor();
    await settle(page);
    await page.screenshot({ path: shot('case-detail'), fullPage: true });
    await link.click();
    await page.waitForURL(`${baseUrl}/service/contracts/${contractId}`);

    // The contract lists the case (the agent reads contracts but does not manage them).
    const cases = page.locator('[data-test=service-contract-cases]');
    await cases.getByText(subject).waitFor();
    await expect(cases.innerText()).resolves.toContain('高');
    await expect(page.locator('[data-test=service-contract-edit]').count()).resolves.toBe(0);
    await expect(page.locator('[data-test=service-contract-terminate]').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: shot('detail'), fullPage: true });
    await cases.getByText(subject).click();
    await page.waitForURL(`${baseUrl}/service/cases/${caseId}`);

    // The manager terminates it with a reason: the detail says so and offers no more edits.
    await signIn(page, manager.email, manager.password);
    await page.goto(`${baseUrl}/service/contracts/${contractId}`);
    await page.locator('[data-test=service-contract-terminate]').click();
    const prompt = page.locator('[data-test=text-prompt-dialog]');
    await prompt.locator('[data-test=text-prompt-confirm]').click();
    await prompt.getByText('此项为必填').waitFor();
    await prompt.locator('textarea[data-test=text-prompt-input]').fill('客户提前解约');
    await prompt.locator('[data-test=text-prompt-confirm]').click();
    await prompt.waitFor({ state: 'hidden' });
    await page.locator('[data-test=service-contract-detail-status]').getByText('已终止').waitFor();
    await page.locator('[data-test=service-contract-terminated]').getByText('客户提前解约').waitFor();
    await expect(page.locator('[data-test=service-contract-edit]').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: shot('detail-terminated'), fullPage: true });

    // On a phone the list and the contract fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/service/contracts', `/service/contracts/${contractId}`]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText(contractName).first().waitFor();
      await settle(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: shot('detail-phone'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // In English every text of the contract page is translated (no raw message keys).
    await page.evaluate(() => localStorage.setItem('kehu.locale', 'en'));
    await page.goto(`${baseUrl}/service/contracts/${contractId}`);
    await page.locator('[data-test=service-contract-detail-status]').getByText('Terminated').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/(serviceContracts|service)\.[a-z]+\.[a-zA-Z]/);
    await settle(page);
    await page.screenshot({ path: shot('detail-en'), fullPage: true });
  });
});
