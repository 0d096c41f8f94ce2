import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@kehu/server-core';

/**
 * The PostgreSQL server tests run on: TEST_DATABASE_URL when set (CI, or a developer's
 * server), else an embedded one in a temp folder that lives as long as this process.
 */
export async function ensureTestServer(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL };
  const dir = mkdtempSync(join(tmpdir(), 'kehu-test-pg-'));
  const embedded = await startEmbeddedPostgres(join(dir, 'data'));
  const url = new URL(embedded.url);
  url.pathname = '/postgres';
  return { url: url.toString(), embedded };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
