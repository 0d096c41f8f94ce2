import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const rep = { name: '王芳', email: `wang.fang.${run}@e2e.kehu.local`, password: 'Rep-pass-12345' };
const customer = { name: `杭州西湖茶业有限公司 ${run}`, phone: `139${String(Date.now()).slice(-8)}` };

describe('the sales area', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A sales rep without a department: every module is on for them, their data scope is their own.
    const { accessToken } = await login(adminEmail, adminPassword);
    await api('/api/v1/users', { method: 'POST', token: accessToken, body: { email: rep.email, name: rep.name, roles: ['sales_rep'], password: rep.password } });
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a rep creates a customer, is warned of the duplicate, opens it and logs a call from the keyboard', async () => {
    await signIn(page, rep.email, rep.password);
    await page.locator('[data-test=sidebar]').getByText('销售').click();
    await page.waitForURL(`${baseUrl}/sales`);
    await page.locator('[data-test=customers-empty]').waitFor();

    // Create: name and phone are enough.
    await page.locator('[data-test=create-customer]').click();
    const dialog = page.locator('[data-test=customer-dialog]');
    await dialog.locator('[data-test=customer-save]').click();
    await dialog.getByText('此项为必填').waitFor();
    await dialog.locator('[data-test=customer-name]').fill(customer.name);
    await dialog.locator('[data-test=customer-phone]').fill(customer.phone);
    await dialog.locator('[data-test=customer-save]').click();
    await page.waitForURL(/\/sales\/customers\/[0-9a-f-]{36}$/);
    const firstUrl = page.url();
    await page.locator('[data-test=customer-title]').getByText(customer.name).waitFor();
    await page.locator('[data-test=completeness]').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-customer-detail.png'), fullPage: true });

    // The same customer again: the duplicate warning lists it, and "open existing" goes there.
    await page.goto(`${baseUrl}/sales`);
    const table = page.locator('[data-test=customers-table]');
    await table.getByText(customer.name).waitFor();
    await expect(page.locator('[data-test=list-count]').innerText()).resolves.toContain('1');
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-customers.png') });
    await page.locator('[data-test=create-customer]').click();
    await dialog.locator('[data-test=customer-name]').fill(customer.name);
    await dialog.locator('[data-test=customer-phone]').fill(` ${customer.phone.slice(0, 3)} ${customer.phone.slice(3, 7)} ${customer.phone.slice(7)} `);
    await dialog.locator('[data-test=customer-save]').click();
    const duplicate = page.locator('[data-test=duplicate-dialog]');
    await duplicate.locator(`[data-candidate="${customer.name}"]`).waitFor();
    await expect(duplicate.innerText()).resolves.toContain('电话相同');
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-duplicate-dialog.png') });
    await duplicate.locator('[data-test=duplicate-open]').click();
    await page.waitForURL(firstUrl);
    await page.locator('[data-test=customer-title]').getByText(customer.name).waitFor();

    // Edit from the detail page: the same form with what is stored, saved in place.
    await page.locator('[data-test=edit-customer]').click();
    await expect(dialog.locator('[data-test=customer-name]').inputValue()).resolves.toBe(customer.name);
    const email = `sales.${run}@xihu-tea.cn`;
    await dialog.locator('[data-test=customer-email]').fill(email);
    await dialog.locator('[data-test=customer-save]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(email).first().waitFor();

    // Quick entry from the keyboard alone: N opens it with this customer chosen, type, Enter saves.
    // Nothing editable focused: a bare N is the shortcut.
    await page.locator('[data-test=customer-title]').click();
    const started = Date.now();
    await page.keyboard.press('n');
    const quick = page.locator('[data-test=quick-entry]');
    await quick.waitFor();
    await expect(quick.locator('[data-test=customer-picker]').innerText()).resolves.toContain(customer.name);
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('电话沟通报价');
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-quick-entry.png') });
    await page.keyboard.press('Enter');
    await quick.waitFor({ state: 'hidden' });
    expect(Date.now() - started).toBeLessThan(5000);

    // It is in the follow-up timeline.
    await page.getByRole('tab', { name: '跟进记录' }).click();
    const timeline = page.locator('[data-test=timeline]');
    await timeline.getByText('电话沟通报价').waitFor();
    await expect(timeline.innerText()).resolves.toContain('电话');
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-customer-follow-ups.png'), fullPage: true });

    // Alt+N works from anywhere, with the customer picked by typing.
    await page.goto(`${baseUrl}/`);
    await page.getByText('今日待办').waitFor();
    await page.keyboard.press('Alt+KeyN');
    await quick.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-test=customer-picker]') !== null);
    await page.keyboard.type(customer.name.slice(0, 6));
    await page.locator('.el-select-dropdown__item').filter({ hasText: customer.name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.press('Alt+Digit2');
    await page.keyboard.type('上门拜访，客户要样品');
    await page.keyboard.press('Control+Enter');
    await quick.waitFor({ state: 'hidden' });
    await page.goto(firstUrl + '?tab=followUps');
    await page.locator('[data-test=timeline]').getByText('上门拜访，客户要样品').waitFor();
    await expect(page.locator('[data-test=timeline]').innerText()).resolves.toContain('拜访');

    // The other tabs.
    await page.getByRole('tab', { name: '联系人' }).click();
    await page.locator('[data-test=add-contact]').click();
    const contact = page.locator('[data-test=contact-dialog]');
    await contact.locator('[data-test=contact-name]').fill('陈经理');
    await contact.locator('[data-test=contact-phone-0]').fill('0571-8888 6666');
    await contact.locator('[data-test=contact-primary]').click();
    await contact.locator('[data-test=contact-save]').click();
    await contact.waitFor({ state: 'hidden' });
    await page.locator('[data-contact="陈经理"]').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-customer-contacts.png'), fullPage: true });
    await page.getByRole('tab', { name: '历史记录' }).click();
    await page.locator('[data-test=history-tab] .el-timeline-item').first().waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('sales-customer-history.png'), fullPage: true });
  });

  it('works on a phone: the list is cards and quick entry fills the screen', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.setDefaultTimeout(10_000);
    await signIn(phone, rep.email, rep.password);
    await phone.goto(`${baseUrl}/sales`);
    await phone.locator(`[data-test=customer-cards] [data-customer="${customer.name}"]`).waitFor();
    await settle(phone);
    await phone.screenshot({ path: screenshotPath('sales-customers-phone.png'), fullPage: true });
    await phone.locator('[data-test=quick-entry-button]').click();
    const quick = phone.locator('[data-test=quick-entry]');
    await quick.waitFor();
    await settle(phone);
    expect((await quick.boundingBox())?.width).toBeGreaterThanOrEqual(380);
    await phone.screenshot({ path: screenshotPath('sales-quick-entry-phone.png') });
    await quick.locator('.el-dialog__headerbtn').click();
    await quick.waitFor({ state: 'hidden' });
    await phone.locator(`[data-customer="${customer.name}"]`).click();
    await phone.locator('[data-test=customer-title]').waitFor();
    await settle(phone);
    await phone.screenshot({ path: screenshotPath('sales-customer-detail-phone.png'), fullPage: true });
    await phone.close();
  });
});
