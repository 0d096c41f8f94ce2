import { dataSourceOptions, runMigrationsLocked } from '@kehu/server-core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appSchema } from '../app.schema';

/** Creates a scratch database on the server of `serverUrl`, for a callback; always dropped. */
export async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `kehu_scratch_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Runs all migrations on an empty database and returns what TypeORM would still change (should be nothing). */
export async function schemaDiff(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource(dataSourceOptions(url, appSchema, 2));
  await ds.initialize();
  try {
    await runMigrationsLocked(ds, url);
    const sql = await ds.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
