import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

const department = '华南销售部';
const rep = { name: '李娜', email: 'li.na@e2e.kehu.local', password: 'Rep-pass-12345' };

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

async function signOut(page: Page) {
  await page.locator('[data-test=user-menu]').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login$/);
}

/** The open Element Plus dropdown (selects and tree-selects render theirs into <body>). */
const openDropdown = (page: Page): Locator => page.locator('.el-select-dropdown').filter({ visible: true });

async function openSection(page: Page, key: string) {
  await page.locator(`[data-admin-section=${key}]`).first().click();
}

describe('the admin area', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin sets up a department with a sales rep and only the Sales module; the rep sees only Sales', async () => {
    await signIn(page, adminEmail, adminPassword);
    await page.locator('[data-test=sidebar]').getByText('管理').click();
    await page.waitForURL(`${baseUrl}/admin`);

    // A department.
    await openSection(page, 'departments');
    await page.waitForURL(/\/admin\/departments$/);
    await page.locator('[data-test=create-department]').click();
    const departmentDialog = page.locator('[data-test=department-dialog]');
    await departmentDialog.locator('[data-test=department-name]').fill(department);
    await departmentDialog.locator('[data-test=department-save]').click();
    await page.locator('[data-test=department-tree]').getByText(department).waitFor();
    await departmentDialog.waitFor({ state: 'hidden' });

    // A sales rep in it; the form checks the shared DTO before sending.
    await page.locator('.admin-layout__menu [data-admin-section=users]').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('[data-test=users-table]').getByText(adminEmail).waitFor();
    await page.locator('[data-test=create-user]').click();
    const userDialog = page.locator('[data-test=user-dialog]');
    await userDialog.locator('[data-test=user-email]').fill(rep.email);
    await userDialog.locator('[data-test=user-name]').fill(rep.name);
    await userDialog.locator('[data-test=user-password]').fill('short');
    await userDialog.locator('[data-test=user-save]').click();
    await userDialog.getByText('至少需要 10 个字符').waitFor();
    await userDialog.locator('[data-test=user-password]').fill(rep.password);
    await userDialog.locator('[data-test=user-department]').click();
    await openDropdown(page).getByText(department, { exact: true }).click();
    await userDialog.locator('[data-test=user-roles]').click();
    await openDropdown(page).getByText('Sales rep', { exact: true }).click();
    await page.keyboard.press('Escape');
    await settle(page);
    await page.screenshot({ path: screenshotPath('admin-user-form.png') });
    await userDialog.locator('[data-test=user-save]').click();
    await userDialog.waitFor({ state: 'hidden' });
    const rows = page.locator('[data-test=users-table]');
    await rows.getByText(rep.email).waitFor();
    await expect(rows.locator('tr', { hasText: rep.email }).innerText()).resolves.toContain(department);
    await settle(page);
    await page.screenshot({ path: screenshotPath('admin-users.png') });

    // The built-in role's matrix is shown read-only.
    await page.locator('.admin-layout__menu [data-admin-section=roles]').click();
    await page.locator('[data-test=roles-list]').getByText('Sales rep').click();
    await page.locator('[data-test=built-in-note]').waitFor();
    await page.locator('[data-test=role-matrix] [data-permission="sales.customer.read"]').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('admin-role-matrix.png'), fullPage: true });

    // Only Sales for the new department.
    await page.locator('.admin-layout__menu [data-admin-section=rollout]').click();
    await page.waitForURL(/\/admin\/module-rollout$/);
    for (const module of ['sales', 'marketing', 'service', 'analytics']) {
      const toggle = page.locator(`[data-rollout="${department}:${module}"]`);
      await toggle.waitFor();
      const on = (await toggle.getAttribute('class'))?.includes('is-checked');
      if (on !== (module === 'sales')) await toggle.click();
    }
    await page.locator('[data-test=rollout-save]').click();
    await page.getByText('已保存').first().waitFor();
    await expect(page.locator('[data-test=rollout-save]').isDisabled()).resolves.toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('admin-rollout.png') });

    // The audit log (a virtual table) lists these changes; a row's arrow opens its details below it.
    await page.locator('.admin-layout__menu [data-admin-section=audit]').click();
    await page.waitForURL(/\/admin\/audit-log$/);
    const auditRows = page.locator('[data-test=audit-table] .el-table-v2__row');
    await auditRows.first().waitFor();
    await auditRows.first().locator('.el-table-v2__expand-icon').click();
    const detail = page.locator('[data-test=audit-table] [data-test=audit-detail]');
    await detail.getByText('记录 ID').waitFor();
    await expect(detail.count()).resolves.toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('admin-audit-log.png') });
    await signOut(page);

    // The rep sees the Sales module's areas (customers, revenue, contracts) and no other module.
    await signIn(page, rep.email, rep.password);
    const sidebar = page.locator('[data-test=sidebar]');
    await sidebar.getByText('销售').waitFor();
    const entries = await sidebar.locator('[data-nav]').evaluateAll((items) => items.map((item) => item.getAttribute('data-nav')));
    expect(entries).toEqual(['dashboard', 'sales', 'revenue-orders', 'contracts']);
    await page.screenshot({ path: screenshotPath('rep-dashboard.png') });

    // Admin pages stay closed to them even by address.
    await page.goto(`${baseUrl}/admin/users`);
    await page.waitForURL(`${baseUrl}/`);
    await signOut(page);
  });

  it('works on a phone: the users table scrolls and the dialog fills the screen', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/login`);
    await phone.evaluate(() => localStorage.clear());
    await signIn(phone, adminEmail, adminPassword);
    await phone.goto(`${baseUrl}/admin/users`);
    await phone.locator('[data-test=users-table]').getByText(rep.email).waitFor();
    await settle(phone);
    await phone.screenshot({ path: screenshotPath('admin-users-phone.png'), fullPage: true });
    await phone.locator('[data-test=create-user]').click();
    const dialog = phone.locator('[data-test=user-dialog]');
    await dialog.waitFor();
    await settle(phone);
    const box = await dialog.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(380);
    await phone.screenshot({ path: screenshotPath('admin-user-form-phone.png') });
    await phone.close();
  });
});
