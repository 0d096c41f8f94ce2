import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { e2eEnv } from './support/e2e-env';
import { api, login, settle, signIn } from './support/session';

const { baseUrl, adminEmail, adminPassword } = e2eEnv();

// Unique per run, so the suite also works against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);
const name = `ERP 同步 ${run}`;
// Screenshots for looking at, outside the repository.
const shot = (file: string) => join(tmpdir(), `wh-${file}.png`);

interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A receiver as an integrator would write one: answers 500 the first time, 200 after, and keeps what it got. */
function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(received.length === 1 ? 500 : 200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/kehu/events`, received })));
}

/** The check from the API guide: v1 is the hex HMAC-SHA256 of `${t}.${raw body}` keyed with the secret. */
function signatureVerifies(delivery: Received, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['x-kehu-signature'] ?? ''));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${delivery.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

const rowOf = (page: Page, text: string): Locator => page.locator('[data-test=webhooks-table] tbody tr', { hasText: text });

async function rowCommand(page: Page, text: string, command: string) {
  await rowOf(page, text).locator('[data-test=webhook-more]').click();
  await page.getByRole('menuitem', { name: command }).filter({ visible: true }).click();
}

async function readSecret(page: Page): Promise<string> {
  const dialog = page.locator('[data-test=webhook-secret]');
  await dialog.waitFor();
  const secret = await dialog.locator('input[data-test=secret-value]').inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return secret;
}

describe('webhooks (admin)', () => {
  let browser: Browser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser({ locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    receiver?.server.close();
  });

  it('an admin subscribes a receiver to customer events, copies the secret once, pings, reads the delivery log, rotates the secret, edits, pauses and resumes, and deletes', async () => {
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`${baseUrl}/admin`);
    await page.locator('[data-admin-section=webhooks], a[href$="/admin/webhooks"]').first().click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await page.getByText('事件发生时，把您选择的事件签名后').waitFor();

    // The form checks the DTO's rules at the fields; plain http gets the https hint.
    await page.getByRole('button', { name: '新建 Webhook' }).click();
    const dialog = page.locator('[data-test=webhook-form]');
    await dialog.getByLabel('名称').fill(name);
    await dialog.getByLabel('接收地址').fill(receiver.url);
    await dialog.getByText('建议使用 https').waitFor();
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    await expect(dialog.locator('.el-form-item.is-error').count()).resolves.toBe(1);
    await dialog.locator('[data-test=webhook-events]').click();
    await page.keyboard.type('customer.*');
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: /^customer\.\*$/ }).click();
    await page.keyboard.press('Escape');
    await dialog.getByText(/匹配 \d+ 个已知事件类型/).waitFor();
    await expect(dialog.locator('.el-form-item.is-error').count()).resolves.toBe(0);
    await settle(page);
    await page.screenshot({ path: shot('form') });
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The secret is shown once, with a copy button and how to verify the signature.
    const secret = await readSecret(page);
    const secretDialog = page.locator('[data-test=webhook-secret]');
    await secretDialog.getByText('仅显示这一次').waitFor();
    await secretDialog.getByText('HMAC-SHA256').waitFor();
    await secretDialog.getByRole('button', { name: '复制' }).click();
    await secretDialog.getByRole('button', { name: '已复制' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);
    await settle(page);
    await page.screenshot({ path: shot('secret') });
    await secretDialog.getByRole('button', { name: '我已保存密钥' }).click();
    await secretDialog.waitFor({ state: 'hidden' });
    const row = rowOf(page, name);
    await expect(row.innerText()).resolves.toEqual(expect.stringContaining('customer.*'));
    await expect(row.innerText()).resolves.toEqual(expect.stringContaining(receiver.url));
    await row.getByText('暂无投递').waitFor();

    // A customer event for the subscription (sent only where the API runs its outbox and delivery worker).
    const { accessToken } = await login(adminEmail, adminPassword);
    await api('/api/v1/customers', { method: 'POST', token: accessToken, body: { name: `webhook 测试客户 ${run}` } });

    // A ping is queued: the log shows it, when it is tried next, and that it cannot be redelivered while pending.
    await rowCommand(page, name, '发送测试');
    await page.getByText('测试消息已排队').waitFor();
    await row.locator('[data-test=webhook-last-delivery]').waitFor();
    await row.getByText(/webhook\.ping · /).waitFor();
    await row.locator('[data-test=webhook-deliveries-open]').click();
    const drawer = page.locator('[data-test=webhook-deliveries]');
    await drawer.getByText(`${name} 的投递记录`).waitFor();
    const ping = drawer.locator('tbody tr', { hasText: 'webhook.ping' }).first();
    await ping.waitFor();
    const status = await ping.locator('[data-test=delivery-status]').innerText();
    expect(['排队中', '已送达', '重试中']).toContain(status);
    if (status === '排队中') {
      // No worker in this API process (jobs off): the ping waits, due now, and Redeliver is not offered.
      await expect(ping.locator('[data-test=delivery-next-attempt]').innerText()).resolves.toBe('即将发送');
      await expect(ping.getByRole('button', { name: '重新投递' }).isDisabled()).resolves.toBe(true);
      await ping.locator('.el-table__expand-icon').click();
      await drawer.locator('[data-test=webhook-delivery-detail]').getByText('尚未发送。').waitFor();
    }
    await settle(page);
    await page.screenshot({ path: shot('deliveries') });
    await drawer.locator('[data-test=delivery-status-filter]').click();
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: '失败' }).click();
    await drawer.getByText('暂无投递记录。').waitFor();
    await page.keyboard.press('Escape');
    await drawer.locator('.el-drawer__close-btn').click();
    await drawer.waitFor({ state: 'hidden' });

    // Rotating asks first, then shows the new secret once.
    await rowCommand(page, name, '更换密钥');
    await page.locator('.el-message-box').getByText('旧密钥立即停止签名').waitFor();
    await page.locator('.el-message-box').getByRole('button', { name: '更换密钥' }).click();
    await page.locator('[data-test=webhook-secret]').getByText(`${name} 的新签名密钥`).waitFor();
    const rotated = await readSecret(page);
    expect(rotated).not.toBe(secret);
    await settle(page);
    await page.screenshot({ path: shot('rotated') });
    await page.locator('[data-test=webhook-secret]').getByRole('button', { name: '我已保存密钥' }).click();

    // An edit after the rotation is sent with the new version (If-Match) and saved.
    await rowCommand(page, name, '编辑');
    await dialog.getByText('编辑 Webhook').waitFor();
    await dialog.getByLabel('说明').fill('客户主数据同步到 ERP');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Webhook 已保存。').waitFor();
    await row.getByText('客户主数据同步到 ERP').waitFor();

    // Pause and resume with the switch.
    await row.locator('[data-test=webhook-active]').click();
    await page.getByText('Webhook 已暂停。').waitFor();
    await row.getByText('已暂停').waitFor();
    await settle(page);
    await page.screenshot({ path: shot('paused') });
    await row.locator('[data-test=webhook-active]').click();
    await page.getByText('Webhook 已恢复。').waitFor();
    await expect(row.locator('[data-test=webhook-active]').getAttribute('class')).resolves.toContain('is-checked');

    // On a phone the list and the delivery log fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await row.waitFor();
    await settle(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot('phone-list'), fullPage: true });
    await row.locator('[data-test=webhook-deliveries-open]').click();
    await drawer.locator('tbody tr', { hasText: 'webhook.ping' }).first().waitFor();
    await settle(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot('phone-deliveries') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // In English every text of the page, the form, the log and the guide is translated (no raw message keys).
    await page.evaluate(() => localStorage.setItem('kehu.locale', 'en'));
    await page.reload();
    const rawKey = /(admin|help|common)\.[a-zA-Z]+\.[a-zA-Z_]/;
    await rowOf(page, name).getByText(/webhook\.ping · /).waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await rowOf(page, name).locator('[data-test=webhook-deliveries-open]').click();
    await drawer.getByText(`Deliveries of ${name}`).waitFor();
    await drawer.locator('tbody tr', { hasText: 'webhook.ping' }).first().waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await settle(page);
    await page.screenshot({ path: shot('deliveries-en') });
    await drawer.locator('.el-drawer__close-btn').click();
    await page.getByRole('button', { name: 'New webhook' }).click();
    await dialog.getByText('Matches 0 known event types.').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-test=help-button]').click();
    await page.getByText('After 50 failed deliveries in a row').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(rawKey);
    await settle(page);
    await page.screenshot({ path: shot('help-en') });
    await page.keyboard.press('Escape');
    await page.evaluate(() => localStorage.setItem('kehu.locale', 'zh-CN'));
    await page.reload();

    // Deleting asks first; the row goes.
    await rowCommand(page, name, '删除');
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await page.getByText('Webhook 已删除。').waitFor();
    await rowOf(page, name).waitFor({ state: 'detached' });

    // Whatever reached the receiver (only when the API runs its delivery worker) was signed as the guide says.
    for (const delivery of receiver.received) expect([secret, rotated].some((s) => signatureVerifies(delivery, s))).toBe(true);
  });
});
