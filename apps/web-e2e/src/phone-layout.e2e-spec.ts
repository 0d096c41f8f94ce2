import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

const run = Date.now().toString(36);
const customerName = `佛山顺德家电配件有限公司 ${run}`;
const dealName = `年度框架协议 ${run}`;
const leadName = `欧阳晓明 ${run}`;
const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the screen (0 = no sideways scrolling of the page body). */
const overflow = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

/** Whether the element is on screen horizontally (not cut off at the right edge). */
const onScreen = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
  });

describe('on a phone (390×844)', () => {
  let browser: Browser;
  let page: Page;
  let leadId: string;

  beforeAll(async () => {
    const { accessToken: token } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: adminEmail, password: adminPassword } });
    const customer = await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token, body: { name: customerName } });
    await api('/api/v1/opportunities', { method: 'POST', token, body: { customerId: customer.id, name: dealName, amount: 230000 } });
    leadId = (await api<{ id: string }>('/api/v1/leads?allowDuplicate=true', { method: 'POST', token, body: { personName: leadName, companyName: '佛山南海五金制品厂', phone: `135${String(Date.now()).slice(-8)}`, source: 'referral' } })).id;
    browser = await launchBrowser({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the deals board fits the screen: the page body does not scroll sideways, new-opportunity and the stage move are at hand', async () => {
    await page.goto(`${baseUrl}/sales/deals/board`);
    const card = page.locator(`[data-card="${dealName}"]`);
    await card.waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('deals-board-phone.png') });
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await expect(onScreen(page, '[data-test=create-opportunity]')).resolves.toBe(true);
    // Dragging is for the mouse: on a phone a card moves with its stage button.
    await expect(card.locator('[data-test=card-move]').isVisible()).resolves.toBe(true);
    await expect(onScreen(page, `[data-card="${dealName}"] [data-test=card-move]`)).resolves.toBe(true);
  });

  it('the leads list fits the screen: name, status and the row actions are visible without sideways page scrolling', async () => {
    await page.goto(`${baseUrl}/sales/leads`);
    const row = page.locator('[data-test=leads-table] .el-table-v2__row', { hasText: leadName });
    await row.waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('leads-list-phone.png'), fullPage: true });
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await expect(onScreen(page, '[data-test=create-lead]')).resolves.toBe(true);
    // The row's part in the fixed actions column (ElTableV2 draws fixed columns apart; both parts carry the row key).
    const actions = page.locator(`[data-test=leads-table] .el-table-v2__right .el-table-v2__row[data-row-key="${leadId}"]`);
    for (const action of ['lead-assign', 'lead-convert']) {
      await expect(actions.locator(`[data-test=${action}]`).isVisible()).resolves.toBe(true);
      await expect(actions.locator(`[data-test=${action}]`).evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).resolves.toBe(true);
    }
    await expect(row.innerText()).resolves.toContain('新线索');

    // The drawer opens full screen and offers logging a follow-up.
    await row.locator('[data-test=lead-open]').click();
    await page.locator('[data-test=lead-log-follow-up]').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('lead-drawer-phone.png') });
    await expect(onScreen(page, '[data-test=lead-log-follow-up]')).resolves.toBe(true);
  });
});
