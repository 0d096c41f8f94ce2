import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const LOCK_KEY = 727_001; // arbitrary, constant across releases

/**
 * Runs pending migrations under a Postgres advisory lock, so replicas that start at
 * the same time migrate once: the second waits, then finds nothing pending.
 */
export async function runMigrationsLocked(dataSource: DataSource, url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** SQL that TypeORM would run to make the schema match the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
