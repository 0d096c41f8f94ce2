import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked, type SchemaParts } from '@kehu/server-core';
import { databaseUrl } from './test-server';

async function admin<T>(serverUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Template name bound to the project, its migrations and the checkout it runs from, so a
 * schema change makes a new one and two checkouts testing at once never drop each other's.
 */
export function templateName(project: string, parts: SchemaParts): string {
  const names = (parts.migrations as { name: string }[]).map((m) => m.name).join(',');
  const key = createHash('sha1').update(names).update(__dirname).digest('hex').slice(0, 10);
  return `kehu_tpl_${project.replace(/\W/g, '_')}_${key}`;
}

/**
 * Creates the migrated template database that every test file clones (once per run).
 * Rebuilt each run so edited migrations are picked up.
 */
export async function createTemplate(serverUrl: string, name: string, parts: SchemaParts): Promise<void> {
  await admin(serverUrl, async (c) => {
    await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [name]);
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = databaseUrl(serverUrl, name);
  const ds = new DataSource(dataSourceOptions(url, parts, 2));
  await ds.initialize();
  try {
    await runMigrationsLocked(ds, url);
  } finally {
    await ds.destroy();
  }
  await admin(serverUrl, (c) => c.query(`UPDATE pg_database SET datistemplate = true WHERE datname = $1`, [name]));
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A private copy of the template for one test file: files run in parallel and in any order. */
export async function cloneTemplate(serverUrl: string, template: string): Promise<TestDatabase> {
  const name = `kehu_t_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (err) {
        // Another file cloning the same template at this instant: wait and retry.
        if (attempt < 20 && /being accessed by other users/.test((err as Error).message)) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw err;
      }
    }
  });
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
