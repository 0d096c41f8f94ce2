import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const marketer = { email: `marketer-${run}@kehu.test`, name: `市场 ${run}`, password: 'Marketing-passw0rd!' };
const tag = `展会${run}`;

/** The visible option of an open Element Plus select. */
const option = (page: Page, text: string): Locator => page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: text }).first();
/** Element Plus puts data-test on the <input> of an el-input. */
const field = (scope: Page | Locator, name: string): Locator => scope.locator(`input[data-test=${name}], [data-test=${name}] input`).first();

/** Waits until the live count shows `n` (it is debounced and asked of the API). */
async function countShown(page: Page, n: number): Promise<void> {
  const count = page.locator('[data-test=segment-live-count] .el-statistic__number');
  for (let i = 0; i < 50 && (await count.innerText()).trim() !== String(n); i++) await page.waitForTimeout(100);
  expect((await count.innerText()).trim()).toBe(String(n));
}

describe('marketing: segments', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const admin = (await login(adminEmail, adminPassword)).accessToken;
    await api('/api/v1/users', { method: 'POST', token: admin, body: { email: marketer.email, name: marketer.name, roles: ['marketing'], password: marketer.password } });
    // Three customers met at the fair; two of their contacts agreed to e-mail.
    for (const [i, consent] of (['opted_in', 'opted_in', 'opted_out'] as const).entries()) {
      const customer = await api<{ id: string }>('/api/v1/customers?allowDuplicate=true', { method: 'POST', token: admin, body: { name: `展会客户${i} ${run}`, province: '广东', tags: [tag] } });
      const contact = await api<{ id: string; version: number }>('/api/v1/contacts', { method: 'POST', token: admin, body: { customerId: customer.id, name: `联系人${i}${run}`, emails: [`c${i}-${run}@example.com`] } });
      // The consents are versioned with the contact (If-Match); the shared api() helper sends no headers.
      const res = await fetch(`${baseUrl}/api/v1/contacts/${contact.id}/consents`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'if-match': `"${contact.version}"` },
        body: JSON.stringify({ consents: [{ channel: 'email', status: consent, source: 'fair' }] }),
      });
      expect(res.status).toBe(200);
    }
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a marketer builds a contact segment with two conditions, watches the live count, saves it and opens its members', async () => {
    await signIn(page, marketer.email, marketer.password);
    await page.goto(`${baseUrl}/marketing/segments`);
    await page.locator('[data-test=create-segment]').click();
    await page.waitForURL(/\/marketing\/segments\/new$/);
    await field(page, 'segment-name').fill(`展会邮件 ${run}`);

    // Condition 1: tags has any of the fair's tag → three contacts.
    const first = page.locator('[data-test=condition-0]');
    await first.locator('[data-test=condition-field]').click();
    await option(page, '标签').click();
    await first.locator('[data-test=condition-value] .el-select').click();
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await countShown(page, 3);

    // Condition 2: opted in to e-mail → two.
    await page.locator('[data-test=add-condition]').click();
    const second = page.locator('[data-test=condition-1]');
    await second.locator('[data-test=condition-field]').click();
    await option(page, '联系偏好').click();
    await second.locator('[data-test=condition-value] .el-select').click();
    await option(page, '邮件').click();
    await countShown(page, 2);

    // Any condition: back to three; all again: two.
    await page.locator('[data-test=segment-match-any]').click();
    await countShown(page, 3);
    await page.locator('[data-test=segment-match-all]').click();
    await countShown(page, 2);

    await page.locator('[data-test=segment-save]').click();
    await page.waitForURL(/\/marketing\/segments\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-test=segment-title]').innerText()).resolves.toContain(`展会邮件 ${run}`);
    const count = page.locator('[data-test=segment-count] .el-statistic__number');
    await count.filter({ hasText: '2' }).waitFor();
    const members = page.locator('[data-test=segment-members]');
    await members.getByText(`联系人0${run}`).waitFor();
    await members.getByText(`联系人1${run}`).waitFor();
    expect(await members.getByText(`联系人2${run}`).count()).toBe(0);
    await expect(members.innerText()).resolves.toContain(`c0-${run}@example.com`);
    await page.screenshot({ path: screenshotPath('marketing-segment-detail.png') });

    // And it is in the list.
    await page.goto(`${baseUrl}/marketing/segments`);
    await field(page, 'segment-search').fill(run);
    await page.locator('[data-test=segments-table]').getByText(`展会邮件 ${run}`).waitFor();
  });
});
