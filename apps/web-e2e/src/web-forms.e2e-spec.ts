import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, signIn, settle } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const formName = `官网试用申请 ${run}`;
const visitorName = `访客 林晓 ${run}`;
const visitorEmail = `lin.xiao.${run}@example.com`;

interface WebForm {
  id: string;
  name: string;
  submissionCount: number;
}

describe('web forms in the browser', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    ({ accessToken: token } = await api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email: adminEmail, password: adminPassword } }));
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin creates a form, a visitor posts the embed snippet from another page, and the lead shows up in the leads list', async () => {
    await page.goto(`${baseUrl}/sales/leads/web-forms`);
    await page.locator('[data-test=create-web-form]').click();
    const dialog = page.locator('[data-test=web-form-dialog]');
    await dialog.locator('input[data-test=web-form-name], [data-test=web-form-name] input').first().fill(formName);
    await dialog.locator('textarea[data-test=web-form-consent], [data-test=web-form-consent] textarea').first().fill('我同意通过电子邮件接收产品资讯');
    await dialog.locator('[data-test=web-form-consent-channels]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '电子邮件' }).click();
    await page.keyboard.press('Escape');
    await dialog.locator('input[data-test=web-form-success], [data-test=web-form-success] input').first().fill(`感谢 ${run}`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('web-form-dialog.png') });
    await dialog.locator('[data-test=web-form-save]').click();
    await dialog.waitFor({ state: 'hidden' });

    // Saving opens the embed section: the public address and the HTML to paste.
    const embed = page.locator('[data-test=web-form-embed]');
    const snippetBox = embed.locator('[data-test=web-form-snippet] textarea, textarea[data-test=web-form-snippet]').first();
    await page.waitForFunction(() => {
      const box = document.querySelector<HTMLTextAreaElement>('textarea[data-test=web-form-snippet], [data-test=web-form-snippet] textarea');
      return !!box?.value.includes('</form>');
    });
    const snippet = await snippetBox.inputValue();
    expect(snippet).toContain('name="personName" required');
    expect(snippet).toContain('name="consent"');
    await expect(embed.locator('input[data-test=web-form-url], [data-test=web-form-url] input').first().inputValue()).resolves.toMatch(/\/api\/v1\/public\/web-forms\/[\w-]+\/submissions$/);
    await settle(page);
    await page.screenshot({ path: screenshotPath('web-form-embed.png') });
    await embed.locator('.el-dialog__headerbtn').click();

    // A visitor's page somewhere else: the snippet as is, filled in and submitted by the browser.
    const visitor = await browser.context.newPage();
    await visitor.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${snippet}</body></html>`);
    await visitor.fill('input[name=personName]', visitorName);
    await visitor.fill('input[name=email]', visitorEmail);
    await visitor.fill('textarea[name=notes]', '想预约产品演示');
    await visitor.check('input[name=consent]');
    await visitor.click('button[type=submit]');
    await expect(visitor.locator('[data-testid=web-form-thanks]').innerText()).resolves.toBe(`感谢 ${run}`);
    await visitor.screenshot({ path: screenshotPath('web-form-thanks.png') });
    await visitor.close();

    const forms = await api<{ data: WebForm[] }>(`/api/v1/web-forms?q=${encodeURIComponent(run)}`, { token });
    expect(forms.data).toEqual([expect.objectContaining({ name: formName, submissionCount: 1 })]);

    await page.reload();
    const formRow = page.locator('[data-test=web-forms-table] tr', { hasText: formName });
    await expect(formRow.locator('[data-test=web-form-count]').innerText()).resolves.toBe('1');
    await formRow.locator('[data-test=web-form-count]').click();
    await page.waitForURL(/\/sales\/leads\?webFormId=/);
    const leadRow = page.locator('[data-test=leads-table] .el-table-v2__row', { hasText: visitorName });
    await leadRow.waitFor();
    await expect(leadRow.innerText()).resolves.toContain(visitorEmail);
    await expect(leadRow.innerText()).resolves.toContain('网站表单');
    await settle(page);
    await page.screenshot({ path: screenshotPath('web-form-lead.png') });
  });
});
