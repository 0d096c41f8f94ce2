import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const manager = { email: `kb-manager-${run}@kehu.test`, name: `王主管 ${run}`, password: 'Service-manager-passw0rd!' };
const agent = { email: `kb-agent-${run}@kehu.test`, name: `李客服 ${run}`, password: 'Service-agent-passw0rd!' };
const title = `激光打印机频繁卡纸 ${run}`;
// Screenshots for looking at, outside the repository.
const shot = (name: string) => join(tmpdir(), `kb-${name}.png`);

describe('service: knowledge base', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { accessToken: admin } = await login(adminEmail, adminPassword);
    const department = await api<{ id: string }>('/api/v1/departments', { method: 'POST', token: admin, body: { name: `客服部 ${run}` } });
    for (const [who, role] of [[manager, 'service_manager'], [agent, 'service_agent']] as const) {
      await api('/api/v1/users', { method: 'POST', token: admin, body: { email: who.email, name: who.name, roles: [role], password: who.password, departmentId: department.id } });
    }
    browser = await launchBrowser({ locale: 'zh-CN' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a manager writes and publishes an article; an agent finds it by a Chinese word and marks it helpful', async () => {
    // The manager writes a draft from the sidebar entry.
    await signIn(page, manager.email, manager.password);
    await page.locator('[data-test=sidebar] [data-nav=knowledge]').click();
    await page.waitForURL(`${baseUrl}/service/knowledge`);
    await page.locator('[data-test=kb-create]').click();
    await page.waitForURL(/\/service\/knowledge\/new$/);
    // The editor checks the DTO before sending: an empty solution is named at its field.
    await page.locator('input[data-test=kb-title]').fill(title);
    await page.locator('textarea[data-test=kb-problem-input]').fill('客户反馈：打印时提示“卡纸”，取出纸张后仍然报错。\n多发生在连续打印 20 页以上时。');
    await page.locator('[data-test=kb-save]').click();
    await page.locator('.el-form-item.is-error').filter({ hasText: '解决方案' }).waitFor();
    await page.locator('textarea[data-test=kb-solution-input]').fill('1. 关闭电源，打开后盖。\n2. 用软布清洁搓纸轮，必要时更换。\n3. 重新开机，打印测试页。');
    await page.locator('input[data-test=kb-category], [data-test=kb-category] input').first().fill('打印机');
    await page.locator('[data-test=kb-tags]').click();
    await page.keyboard.type('卡纸');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-test=kb-save]').click();
    await page.waitForURL(/\/service\/knowledge\/[0-9a-f-]{36}$/);
    const articleUrl = page.url();
    await expect(page.locator('[data-test=kb-article-status]').innerText()).resolves.toBe('草稿');
    await page.locator('[data-test=kb-publish]').click();
    await page.locator('[data-test=kb-article-status]').filter({ hasText: '已发布' }).waitFor();
    expect(await page.locator('[data-test=kb-publish]').count()).toBe(0);

    // The agent searches by a word of the solution, opens the article and finds it helpful.
    await signIn(page, agent.email, agent.password);
    await page.locator('[data-test=sidebar] [data-nav=knowledge]').click();
    await page.waitForURL(`${baseUrl}/service/knowledge`);
    expect(await page.locator('[data-test=kb-create]').count()).toBe(0);
    await page.locator('input[data-test=kb-search]').fill('搓纸轮');
    const row = page.locator('[data-test=kb-table]').getByText(title);
    await row.waitFor();
    await settle(page);
    await page.screenshot({ path: shot('list') });
    await page.locator('input[data-test=kb-search]').fill('搓纸轮 不存在的词');
    await page.locator('[data-test=kb-table]').getByText('没有匹配的文章').waitFor();
    await page.locator('input[data-test=kb-search]').fill('搓纸轮');
    await row.click();
    await page.waitForURL(articleUrl);
    await expect(page.locator('[data-test=kb-article-title]').innerText()).resolves.toBe(title);
    // Line breaks kept, as text.
    await expect(page.locator('[data-test=kb-solution]').innerText()).resolves.toContain('1. 关闭电源，打开后盖。\n2. 用软布清洁搓纸轮');
    expect(await page.locator('[data-test=kb-edit]').count()).toBe(0);
    // Opening it counted this visit (the manager's earlier look at the draft did not).
    await page.locator('[data-test=kb-views]').filter({ hasText: '1' }).waitFor();
    await page.locator('[data-test=kb-helpful]').click();
    await page.locator('[data-test=kb-helpful-count]').filter({ hasText: '1' }).waitFor();
    await page.locator('[data-test=kb-helpful].el-button--success').waitFor();
    await settle(page);
    await page.screenshot({ path: shot('article'), fullPage: true });

    // Stored: the agent's helpful vote and view.
    const { accessToken } = await login(agent.email, agent.password);
    const id = articleUrl.split('/').pop()!;
    const stored = await api<{ helpfulCount: number; notHelpfulCount: number; viewCount: number; myFeedback: boolean }>(`/api/v1/knowledge-articles/${id}`, { token: accessToken });
    expect(stored).toMatchObject({ helpfulCount: 1, notHelpfulCount: 0, myFeedback: true, viewCount: 1 });
  });
});
