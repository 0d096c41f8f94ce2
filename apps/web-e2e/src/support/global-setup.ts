import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { startApi, stopApi } from './api-process';
import { apiMain, resultsDir, webIndex } from './paths';
import { createTestDatabase, dropTestDatabase } from './test-database';
import { state } from './state';

/**
 * Fresh database + the built API on a free port. With E2E_BASE_URL set (plus E2E_ADMIN_EMAIL
 * and E2E_ADMIN_PASSWORD) the tests run against that server instead and nothing is started.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  if (process.env.E2E_BASE_URL) return;

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('[web-e2e] TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  for (const file of [apiMain, webIndex]) {
    if (!existsSync(file)) throw new Error(`[web-e2e] ${file} is missing: build first (npx nx run-many -t build -p @kehu/api @kehu/web)`);
  }

  const adminEmail = 'admin@e2e.kehu.local';
  const adminPassword = `E2e-${randomBytes(9).toString('base64url')}`;
  const database = await createTestDatabase(serverUrl);
  state.serverUrl = serverUrl;
  state.databaseName = database.name;
  try {
    const api = await startApi({ DATABASE_URL: database.url, KEHU_ADMIN_EMAIL: adminEmail, KEHU_ADMIN_PASSWORD: adminPassword });
    state.api = api.child;
    // Never leave an API running if jest dies between setup and teardown.
    process.once('exit', () => api.child.kill('SIGKILL'));
    Object.assign(process.env, { E2E_BASE_URL: api.baseUrl, E2E_ADMIN_EMAIL: adminEmail, E2E_ADMIN_PASSWORD: adminPassword });
  } catch (error) {
    if (state.api) await stopApi(state.api);
    await dropTestDatabase(serverUrl, database.name);
    throw error;
  }
}
