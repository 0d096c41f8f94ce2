import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

/** The name the API gave the admin, as the header should show it. */
async function adminName(): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return ((await me.json()) as { user: { name: string } }).user.name;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Lets Element Plus transitions (drawers, form errors: 0.3 s) finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

async function chooseLanguage(page: Page, name: string) {
  await page.locator('[data-test=language-switch]').click();
  await page.getByRole('menuitem', { name }).click();
}

describe('the app shell', () => {
  let browser: Browser;
  let page: Page;
  let name: string;

  beforeAll(async () => {
    name = await adminName();
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, switches language, shows help and signs out', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login\?redirect=/);
    await expect(page.getByRole('heading', { name: '登录' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('login.png') });

    // A wrong password is refused with the server's explanation.
    await signIn(page, adminEmail, 'not-the-password');
    const error = page.locator('[data-test=login-error]');
    await error.waitFor();
    expect((await error.innerText()).trim()).not.toBe('');
    await page.screenshot({ path: screenshotPath('login-error.png') });

    // The right one opens the shell, back at the page first asked for.
    await page.getByLabel('密码', { exact: true }).fill(adminPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const sidebar = page.locator('[data-test=sidebar]');
    await sidebar.getByText('首页').waitFor();
    await sidebar.getByText('管理').waitFor();
    await expect(page.locator('[data-test=user-menu]').innerText()).resolves.toContain(name);
    await page.getByText('今日待办').waitFor();
    await page.screenshot({ path: screenshotPath('dashboard-zh.png') });

    // English, remembered across a reload; then back to Chinese.
    await chooseLanguage(page, 'English');
    await sidebar.getByText('Home').waitFor();
    await page.getByText('My tasks today').waitFor();
    await page.reload();
    await sidebar.getByText('Home').waitFor();
    await page.screenshot({ path: screenshotPath('dashboard-en.png') });
    await chooseLanguage(page, '中文');
    await sidebar.getByText('首页').waitFor();

    // The help drawer explains the current page.
    await page.locator('[data-test=help-button]').click();
    const help = page.getByRole('dialog');
    await help.getByText('首页显示今天需要您关注的事项').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('help-zh.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Logging out returns to the login page, and the session is gone.
    await page.locator('[data-test=user-menu]').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expect(page.evaluate(() => localStorage.getItem('kehu.accessToken'))).resolves.toBeNull();
    await page.screenshot({ path: screenshotPath('logged-out.png') });
  });

  it('works on a phone: the menu is a drawer', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/login`);
    await signIn(phone, adminEmail, adminPassword);
    await phone.getByText('今日待办').waitFor();
    await expect(phone.locator('[data-test=sidebar]').isVisible()).resolves.toBe(false);
    await phone.screenshot({ path: screenshotPath('dashboard-phone.png'), fullPage: true });

    await phone.locator('[data-test=menu-toggle]').click();
    await phone.locator('[data-test=sidebar]').getByText('首页').waitFor();
    await settle(phone);
    await phone.screenshot({ path: screenshotPath('menu-phone.png') });
    await phone.close();
  });

  it('shows the profile, checks the current password, and a 404 page', async () => {
    const tab = await browser.context.newPage();
    // The phone test left its session in this profile's storage; start signed out.
    await tab.goto(`${baseUrl}/login`);
    await tab.evaluate(() => localStorage.clear());
    await tab.goto(`${baseUrl}/profile`);
    await tab.waitForURL(/\/login\?redirect=(\/|%2F)profile$/);
    await signIn(tab, adminEmail, adminPassword);
    await tab.waitForURL(`${baseUrl}/profile`);
    await tab.getByText(adminEmail).waitFor();

    await tab.getByLabel('当前密码').fill('not-the-password');
    await tab.getByLabel('新密码', { exact: true }).fill('a-new-password-123');
    await tab.getByLabel('再次输入新密码').fill('a-new-password-123');
    await tab.getByRole('button', { name: '修改密码' }).click();
    await tab.getByText('当前密码不正确').waitFor();
    await settle(tab);
    await tab.screenshot({ path: screenshotPath('profile.png') });

    await tab.goto(`${baseUrl}/no/such/page`);
    await tab.getByRole('heading', { name: '页面不存在' }).waitFor();
    await tab.screenshot({ path: screenshotPath('not-found.png') });
    await tab.close();
  });
});
