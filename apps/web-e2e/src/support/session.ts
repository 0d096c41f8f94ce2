import type { Page } from 'playwright-core';
import { e2eEnv } from './e2e-env';

const { baseUrl } = e2eEnv();

/** Set-up through the API (JSON in, JSON out); a non-2xx answer fails the test with its body. */
export async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const login = (email: string, password: string) => api<{ accessToken: string }>('/api/v1/auth/login', { method: 'POST', body: { email, password } });

/** Signs in through the zh-CN login form from a clean browser state. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Lets Element Plus transitions finish before a screenshot. */
export const settle = (page: Page) => page.waitForTimeout(400);
