import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { email: `wo-manager-${run}@kehu.test`, name: `孙倩 ${run}`, password: 'Service-manager-passw0rd!' };
const technician = { email: `wo-technician-${run}@kehu.test`, name: `王师傅 ${run}`, password: 'Technician-passw0rd!' };
const customerName = `昆山瑞丰办公设备有限公司 ${run}`;
const subject = `打印机卡纸，需要上门 ${run}`;
const result = `更换搓纸轮，测试打印 20 页正常 ${run}`;
// Screenshots for looking at, outside the repository.
const shot = (name: string) => join(tmpdir(), `wo-${name}.png`);
// The browser runs on Beijing time, as the dispatchers do; tomorrow is a day of that zone.
const timezoneId = 'Asia/Shanghai';
const shanghaiDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: timezoneId });
const tomorrow = shanghaiDay(1);
// Sunday's tomorrow is in next week's schedule.
const todayIsSunday = new Date().toLocaleDateString('en-US', { timeZone: timezoneId, weekday: 'short' }) === 'Sun';

async function pickDateTime(formItem: Locator, value: string) {
  const input = formItem.locator('input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function chooseTechnician(page: Page, dialog: Locator) {
  await dialog.locator('[data-test=work-order-technician] [data-test=owner-select]').click();
  await page.keyboard.type(technician.name.split(' ')[0]);
  await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: technician.name }).click();
}

describe('work orders', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN', timezoneId });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a manager dispatches a technician from a case, is refused an overlapping visit, reschedules and cancels another, sees them on the schedule; the technician checks in and completes the visit', async () => {
    const { accessToken: adminToken } = await login(adminEmail, adminPassword);
    const department = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: adminToken, body: { name: `售后现场服务部 ${run}` } });
    const userIds: string[] = [];
    for (const [user, role] of [[manager, 'service_manager'], [technician, 'technician']] as const) {
      userIds.push((await api<{ id: string }>('/api/v1/users', { method: 'POST', token: adminToken, body: { email: user.email, name: user.name, roles: [role], password: user.password, departmentId: department.id } })).id);
    }
    const customer = await api<{ id: string }>('/api/v1/customers', { method: 'POST', token: adminToken, body: { name: customerName, address: '昆山市前进东路 579 号' } });
    const { accessToken: managerToken } = await login(manager.email, manager.password);
    const raised = await api<{ id: string; number: string }>('/api/v1/cases', { method: 'POST', token: managerToken, body: { subject, customerId: customer.id, type: 'field_job' } });

    // The manager opens the case and dispatches the technician for tomorrow morning.
    await signIn(page, manager.email, manager.password);
    await page.goto(`${baseUrl}/service/cases/${raised.id}`);
    await page.locator('[data-test=case-title]').getByText(subject).waitFor();
    const card = page.locator('[data-test=case-work-orders]');
    await card.getByText('该工单还没有预约上门服务').waitFor();
    await page.locator('[data-test=case-dispatch]').click();
    const dialog = page.locator('[data-test=work-order-dialog]');
    await dialog.locator('[data-test=work-order-customer]').getByText(customerName).waitFor();
    await expect(dialog.innerText()).resolves.toContain(`工单 ${raised.number}`);
    await chooseTechnician(page, dialog);
    await pickDateTime(dialog.locator('[data-test=work-order-start]'), `${tomorrow} 09:00`);
    // A two-hour visit is proposed.
    await expect(dialog.locator('[data-test=work-order-end] input').inputValue()).resolves.toBe(`${tomorrow} 11:00`);
    await dialog.locator('textarea[data-test=work-order-instructions]').fill('带备用搓纸轮');
    await settle(page);
    await page.screenshot({ path: shot('dispatch-dialog') });
    await dialog.locator('[data-test=work-order-save]').click();
    await dialog.waitFor({ state: 'hidden' });

    // The case's card lists the visit with its status and window.
    const booked = card.locator('[data-test=case-work-order]');
    await booked.getByText('已预约').waitFor();
    const number = (await booked.getAttribute('data-number'))!;
    expect(number).toMatch(/^WO-\d{8}-\d{5}$/);
    await expect(booked.innerText()).resolves.toMatch(/09:00–11:00[\s\S]*王师傅/);

    // A second visit overlapping the first for the same technician: refused, naming the first visit at the technician.
    await page.locator('[data-test=case-dispatch]').click();
    await chooseTechnician(page, dialog);
    await pickDateTime(dialog.locator('[data-test=work-order-start]'), `${tomorrow} 10:00`);
    await dialog.locator('[data-test=work-order-save]').click();
    const conflict = dialog.locator('[data-test=work-order-technician-error]');
    await conflict.getByText(number).waitFor();
    await expect(conflict.innerText()).resolves.toMatch(new RegExp(`该时段已有派工单 ${number}（.*09:00–11:00）`));
    await settle(page);
    await page.screenshot({ path: shot('conflict') });

    // In the afternoon the technician is free: a second visit for the case.
    await pickDateTime(dialog.locator('[data-test=work-order-start]'), `${tomorrow} 13:00`);
    await conflict.waitFor({ state: 'detached' });
    await dialog.locator('[data-test=work-order-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    const afternoon = card.locator('[data-test=case-work-order]').filter({ hasText: '13:00–15:00' });
    await afternoon.waitFor();
    const secondNumber = (await afternoon.getAttribute('data-number'))!;

    // The manager moves it later (sent with If-Match), then cancels it with the customer's reason.
    await afternoon.click();
    await page.waitForURL(/\/service\/work-orders\/[0-9a-f-]{36}$/);
    await page.locator('[data-test=work-order-reschedule]').click();
    await pickDateTime(dialog.locator('[data-test=work-order-start]'), `${tomorrow} 15:00`);
    await dialog.locator('[data-test=work-order-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test=work-order-window]').getByText('15:00–17:00').waitFor();
    await page.locator('[data-test=work-order-cancel]').click();
    const prompt = page.locator('[data-test=text-prompt-dialog]');
    await prompt.locator('textarea[data-test=text-prompt-input]').fill('客户改期');
    await prompt.locator('[data-test=text-prompt-confirm]').click();
    await prompt.waitFor({ state: 'hidden' });
    await page.locator('[data-test=work-order-status]').getByText('已取消').waitFor();
    await page.locator('[data-test=work-order-cancelled]').getByText('客户改期').waitFor();
    await expect(page.locator('[data-test=work-order-reschedule], [data-test=work-order-cancel]').count()).resolves.toBe(0);

    // The schedule: the visit is a block in the technician's row, on tomorrow's column.
    await page.locator('[data-test=service-subnav]').getByText('派工单').click();
    await page.waitForURL(`${baseUrl}/service/work-orders`);
    await page.locator('[data-test=work-order-view] [data-view=schedule].is-active').waitFor();
    if (todayIsSunday) await page.locator('[data-test=schedule-next]').click();
    const row = page.locator('[data-test=schedule-row]').filter({ hasText: technician.name });
    const block = row.locator(`[data-test=schedule-block][data-number="${number}"]`);
    await block.waitFor();
    await expect(block.innerText()).resolves.toMatch(/09:00–11:00[\s\S]*昆山瑞丰/);
    await expect(block.getAttribute('data-status')).resolves.toBe('scheduled');
    // The cancelled visit the same day is shown struck through, in a lane of its own.
    await expect(row.locator(`[data-test=schedule-block][data-number="${secondNumber}"]`).getAttribute('data-status')).resolves.toBe('cancelled');
    await settle(page);
    await page.screenshot({ path: shot('schedule-week') });
    // Tomorrow's hours: the block spans 09:00 to 11:00.
    const tomorrowHeader = page.locator('.wo-board__head.is-today + .wo-board__head');
    if (!todayIsSunday) {
      await tomorrowHeader.click();
      await page.locator('[data-test=schedule-mode] .is-active').getByText('日').waitFor();
      await block.waitFor();
      await settle(page);
      await page.screenshot({ path: shot('schedule-day') });
    }

    // The list finds it by number, with its technician and status.
    await page.locator('[data-test=work-order-view] [data-view=list]').click();
    await page.locator('input[data-test=work-order-search]').fill(number);
    const listRow = page.locator('[data-test=work-orders-table] .el-table-v2__row').filter({ hasText: number });
    await listRow.getByText('已预约').waitFor();
    await expect(listRow.innerText()).resolves.toContain(technician.name);
    await settle(page);
    await page.screenshot({ path: shot('list') });

    // Yesterday's visit the technician never completed stays in sight, above the days ahead.
    const late = await api<{ number: string }>('/api/v1/work-orders', {
      method: 'POST',
      token: managerToken,
      body: { customerId: customer.id, technicianId: userIds[1], scheduledStart: `${shanghaiDay(-1)}T14:00:00+08:00`, scheduledEnd: `${shanghaiDay(-1)}T15:00:00+08:00` },
    });

    // The technician lands on their visits, opens it, checks in and completes it with the result and signer.
    await signIn(page, technician.email, technician.password);
    await page.goto(`${baseUrl}/service/work-orders`);
    const unfinished = page.locator('[data-test=my-visits-unfinished]');
    await unfinished.getByText('之前未完成').waitFor();
    await expect(unfinished.locator('[data-test=my-visit]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-number')))).resolves.toEqual([late.number]);
    const visit = page.locator(`[data-test=my-visit][data-number="${number}"]`);
    await visit.getByText('已预约').waitFor();
    await expect(visit.innerText()).resolves.toMatch(/09:00–11:00[\s\S]*昆山瑞丰[\s\S]*前进东路 579 号[\s\S]*带备用搓纸轮/);
    await settle(page);
    await page.screenshot({ path: shot('my-visits') });
    await visit.click();
    await page.waitForURL(/\/service\/work-orders\/[0-9a-f-]{36}$/);
    const workOrderId = page.url().split('/').pop()!;
    const status = page.locator('[data-test=work-order-status]');
    await status.getByText('已预约').waitFor();
    // A technician carries visits out; moving or cancelling them is the dispatcher's.
    await expect(page.locator('[data-test=work-order-reschedule]').count()).resolves.toBe(0);
    await expect(page.locator('[data-test=work-order-cancel]').count()).resolves.toBe(0);
    await page.locator('[data-test=work-order-start]').click();
    await status.getByText('服务中').waitFor();
    await page.locator('[data-test=work-order-complete]').click();
    const complete = page.locator('[data-test=work-order-complete-dialog]');
    await complete.locator('[data-test=work-order-complete-confirm]').click();
    await complete.getByText('此项为必填').waitFor();
    await complete.locator('textarea[data-test=work-order-result]').fill(result);
    await complete.locator('input[data-test=work-order-signed-by]').fill('王经理');
    await complete.locator('[data-test=work-order-complete-confirm]').click();
    await complete.waitFor({ state: 'hidden' });
    await status.getByText('已完成').waitFor();
    await page.locator('[data-test=work-order-result-text]').getByText(result).waitFor();
    await expect(page.locator('[data-test=work-order-signed-by-text]').innerText()).resolves.toBe('王经理');
    // No service contract: the visit is billable.
    await expect(page.locator('[data-test=work-order-billable]').innerText()).resolves.toBe('收费');
    await expect(page.locator('[data-test=work-order-start], [data-test=work-order-complete]').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: shot('detail-completed'), fullPage: true });
    const stored = await api<{ status: string; billable: boolean; signedBy: string }>(`/api/v1/work-orders/${workOrderId}`, { token: (await login(technician.email, technician.password)).accessToken });
    expect(stored).toMatchObject({ status: 'completed', billable: true, signedBy: '王经理' });

    // The case: its card shows the visit done; its history has the bookings, the reschedule, the cancel, the check-in and the result.
    await signIn(page, manager.email, manager.password);
    await page.goto(`${baseUrl}/service/cases/${raised.id}`);
    await card.locator('[data-test=case-work-order]').getByText('已完成').waitFor();
    const history = page.locator('[data-test=case-timeline]');
    const entries = history.locator('[data-kind=work_order]');
    await entries.nth(5).waitFor();
    await expect(entries.allInnerTexts()).resolves.toEqual([
      expect.stringContaining(`预约了上门服务 ${number}`),
      expect.stringContaining(`预约了上门服务 ${secondNumber}`),
      expect.stringContaining(`改约上门服务 ${secondNumber}`),
      expect.stringContaining(`取消了上门服务 ${secondNumber}：客户改期`),
      expect.stringContaining(`到场签到 ${number}`),
      expect.stringContaining(`完成了上门服务 ${number}：${result}`),
    ]);
    await settle(page);
    await page.screenshot({ path: shot('case-detail'), fullPage: true });

    // On a phone the schedule, the list and the work order fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, text] of [['/service/work-orders', technician.name], ['/service/work-orders?view=list', number], [`/service/work-orders/${workOrderId}`, result]]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText(text).first().waitFor();
      await settle(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      await page.screenshot({ path: shot(`phone-${path.includes('list') ? 'list' : path.endsWith('work-orders') ? 'schedule' : 'detail'}`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // In English every text of the work order, the schedule and the case is translated (no raw message keys).
    await page.evaluate(() => localStorage.setItem('kehu.locale', 'en'));
    await page.goto(`${baseUrl}/service/work-orders/${workOrderId}`);
    await page.locator('[data-test=work-order-status]').getByText('Completed').waitFor();
    await expect(page.locator('[data-test=work-order-billable]').innerText()).resolves.toBe('Billable');
    const rawKey = /(workOrders|service|serviceContracts)\.[a-zA-Z]+\.[a-zA-Z_]/;
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await settle(page);
    await page.screenshot({ path: shot('detail-en'), fullPage: true });
    await page.goto(`${baseUrl}/service/work-orders`);
    if (todayIsSunday) await page.locator('[data-test=schedule-next]').click();
    await page.locator(`[data-test=schedule-block][data-number="${number}"]`).waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await settle(page);
    await page.screenshot({ path: shot('schedule-en') });
    await page.goto(`${baseUrl}/service/cases/${raised.id}`);
    await page.locator('[data-test=case-timeline]').getByText(`completed visit ${number}`).waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
  });
});
