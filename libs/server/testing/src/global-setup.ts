import type { SchemaParts } from '@kehu/server-core';
import { createTemplate, templateName } from './test-database';
import { ensureTestServer } from './test-server';

declare global {
  var __KEHU_EMBEDDED_PG__: { stop(): Promise<void> } | undefined;
}

/**
 * Jest globalSetup body for a project: make sure a server answers, build the
 * project's template once, and hand both to the test workers through the environment.
 */
export async function setupTestDatabase(project: string, parts: SchemaParts): Promise<void> {
  const { url, embedded } = await ensureTestServer();
  process.env.TEST_DATABASE_URL = url;
  globalThis.__KEHU_EMBEDDED_PG__ = embedded;
  const name = templateName(project, parts);
  await createTemplate(url, name, parts);
  process.env.KEHU_TEST_TEMPLATE = name;
}

export async function teardownTestDatabase(): Promise<void> {
  await globalThis.__KEHU_EMBEDDED_PG__?.stop();
}
