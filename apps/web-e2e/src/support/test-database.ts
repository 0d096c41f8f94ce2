import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A throw-away database on the server of `serverUrl`; returns its URL and a way to drop it. */
export async function createTestDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `kehu_e2e_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^kehu_e2e_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  // FORCE ends sessions the API may have left behind (PostgreSQL 13+).
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
