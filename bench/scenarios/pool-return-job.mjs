// Public-pool return job (公海回收): 1M customers of which 20k are due (≤ 3 s), then half of
// them due (≤ 60 s), in batches that never hold a lock over 1 s (issue 6).
//
// How customers become due: the default pool (which every owned seeded customer is routed
// to) gets the classic rule "no follow-up for 30 days" (won customers stay: includeWon false,
// the pools default; open deals do not protect: includeOpenOpportunities true, else only the
// ~10 % of customers whose deals are all lost could ever be due). The run's `now` is then
// chosen so that exactly the N customers with the oldest base time (the same
// greatest(last_follow_up_at, claimed_at, created_at) the service and its partial index use)
// are due: now = N-th oldest base + 30 days. No seeded row is rewritten to make them due, so
// the job's due read does a realistic range scan over 1M customers, and setup/teardown stay
// cheap at 500k due (rewriting created_at for 500k rows would cost minutes twice).
//
// The service runs in this process on a bare TypeORM DataSource against the bench database
// (PoolReturnService only needs a DataSource), the way the API's daily job calls run(now).
// A surrounding transaction to roll back is not possible (each batch commits on its own,
// which is what is measured), so teardown restores instead: the returned customers get their
// owner, pool fields, version and updated_at back from a snapshot taken before the run (contacts
// have no owner of their own), the default pool its rules, and the ownership-history and audit
// rows the run added are deleted with triggers off (audit_events is append-only by trigger; this
// is the bench's scratch database, not an audit trail). Then VACUUM: the run and the restore leave
// two dead versions of every moved customer in the heap and its indexes, which would slow the
// scenarios after it (a team's owner-index scan read 1M entries after the half-due run).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appSchema, transaction } from '../lib/db.mjs';
import { root } from '../lib/paths.mjs';

const require = createRequire(join(root, 'package.json'));
const service = (() => {
  try {
    return require('@kehu/server-sales').PoolReturnService;
  } catch {
    return undefined;
  }
})();

const DAYS = 30;
const RULES = { returnRules: [{ kind: 'noFollowUp', days: DAYS, includeOpenOpportunities: true }] };
const BASE = 'greatest(c.last_follow_up_at, c.claimed_at, c.created_at)';
const OWNED = 'c.owner_id IS NOT NULL AND c.locked_at IS NULL AND c.deleted_at IS NULL';
// One snapshot table per scenario, so a leftover of one never meets the other.
const snapshotOf = (name) => `bench.${name.replace(/-/g, '_')}_snapshot`;

/**
 * Puts the returned customers back from the snapshot, in chunks of 10k (one statement for
 * 500k rows ran for over 10 minutes: the statement trigger joins transition tables of that
 * size), then deletes the run's history and audit rows with triggers off (append-only audit)
 * and gives the default pool its rules back. Also run alone to repair an interrupted run:
 * `node bench/scenarios/pool-return-job.mjs <database url> [snapshot table]`.
 */
export async function restore(pg, { snapshot, poolId, rules, history, audit }) {
  const out = { customers: 0, history: 0, audit: 0 };
  for (let last = '00000000-0000-0000-0000-000000000000'; ; ) {
    const r = await pg.query(
      `WITH s AS (SELECT * FROM ${snapshot} WHERE id > $1::uuid ORDER BY id LIMIT 10000),
            b AS (UPDATE customers c SET owner_id = s.owner_id, pool_id = s.pool_id, pool_entered_at = s.pool_entered_at, claimed_at = s.claimed_at, version = s.version, updated_at = s.updated_at
                    FROM s WHERE c.id = s.id AND c.owner_id IS NULL RETURNING c.id)
       SELECT (SELECT max(id::text) FROM s) AS last, (SELECT count(*) FROM b)::int AS n`,
      [last],
    );
    if (!r.rows[0].last) break;
    last = r.rows[0].last;
    out.customers += r.rows[0].n;
  }
  await transaction(pg, async (c) => {
    if (poolId) await c.query('UPDATE pools SET rules = $2 WHERE id = $1', [poolId, JSON.stringify(rules)]);
    await c.query("SET LOCAL session_replication_role = 'replica'");
    out.history = (await c.query(`DELETE FROM ownership_history WHERE id > $1 AND kind = 'returned'`, [history])).rowCount;
    out.audit = (await c.query(`DELETE FROM audit_events WHERE id > $1 AND action = 'pool_return'`, [audit])).rowCount;
    await c.query(`DROP TABLE ${snapshot}`);
  });
  for (const table of ['customers', 'ownership_history', 'audit_events']) await pg.query(`VACUUM (ANALYZE) ${table}`);
  return out;
}

function scenario(name, title, target, due, met) {
  let state;
  return {
    name,
    title,
    target,
    met,
    async setup({ fx, databaseUrl, scale, log }) {
      const n = Math.max(1, Math.round(due * scale));
      const q = async (sql, params) => (await fx.pool.query(sql, params)).rows;
      const [pool] = await q('SELECT id, rules FROM pools WHERE is_default');
      const others = await q(`SELECT count(*)::int AS n FROM pools WHERE enabled AND NOT is_default AND jsonb_array_length(coalesce(rules->'returnRules', '[]')) > 0`);
      if (others[0].n) throw new Error('another enabled pool has return rules: the due count would not be N');
      // The N-th oldest base time among the customers the rule can return (owned, unlocked, live, never won).
      const [edge] = await q(
        `SELECT ${BASE} AS base FROM customers c
          WHERE ${OWNED} AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.status = 'won')
          ORDER BY ${BASE} OFFSET $1 - 1 LIMIT 1`,
        [n],
      );
      const now = new Date(edge.base.getTime() + DAYS * 86_400_000);
      const snapshot = snapshotOf(name);
      await q(`DROP TABLE IF EXISTS ${snapshot}`);
      await q(
        `CREATE TABLE ${snapshot} AS SELECT c.id, c.owner_id, c.pool_id, c.pool_entered_at, c.claimed_at, c.version, c.updated_at
           FROM customers c WHERE ${OWNED} AND ${BASE} <= $1::timestamptz`,
        [edge.base],
      );
      const [{ history, audit }] = await q(`SELECT (SELECT coalesce(max(id), 0) FROM ownership_history) AS history, (SELECT coalesce(max(id), 0) FROM audit_events) AS audit`);
      await q('UPDATE pools SET rules = $2 WHERE id = $1', [pool.id, JSON.stringify(RULES)]);
      state = { pool, history, audit, snapshot };

      require('reflect-metadata');
      const core = require('@kehu/server-core');
      const { DataSource } = require('typeorm');
      const ds = new DataSource(core.dataSourceOptions(databaseUrl, appSchema().schema, 2));
      await ds.initialize();
      state.ds = ds;
      const svc = new service(ds);
      log(`  ${n} due (base ≤ ${edge.base.toISOString()}), run(now = ${now.toISOString()})`);
      return {
        note: `${n} due`,
        job: async () => {
          const t = performance.now();
          // BENCH_POOL_RETURN_BATCH=<n> fixes the batch size (to compare with the adaptive one).
          const r = await svc.run(now, process.env.BENCH_POOL_RETURN_BATCH ? { batchSize: Number(process.env.BENCH_POOL_RETURN_BATCH) } : {});
          const seconds = Math.round((performance.now() - t) / 10) / 100;
          log(`  returned ${r.returned} in ${seconds} s, ${r.batches} batches, longest ${r.maxBatchMs} ms`);
          return { seconds, rows: r.returned, due: n, batches: r.batches, maxBatchMs: r.maxBatchMs };
        },
      };
    },
    async teardown({ fx, log }) {
      if (!state) return;
      const { pool, history, audit, ds, snapshot } = state;
      state = undefined;
      await ds?.destroy();
      const t = performance.now();
      const back = await restore(fx.pool, { snapshot, poolId: pool.id, rules: pool.rules ?? {}, history, audit });
      log(`  restored ${back.customers} customers, removed ${back.history} history and ${back.audit} audit rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    },
  };
}

// Repair after an interrupted run: node bench/scenarios/pool-return-job.mjs <database url> [snapshot table]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.argv[2]) {
  const { default: pgLib } = await import('pg');
  const pg = new pgLib.Pool({ connectionString: process.argv[2], max: 2 });
  const [pool] = (await pg.query('SELECT id FROM pools WHERE is_default')).rows;
  console.log(await restore(pg, { snapshot: process.argv[3] ?? snapshotOf('pool-return-job'), poolId: pool?.id, rules: {}, history: 0, audit: 0 }));
  await pg.end();
}

const notBuilt = { name: 'pool-return-job', title: 'Public-pool return job (20k due / half due)', target: '≤ 3 s (20k due); ≤ 60 s (500k due), no lock over 1 s', notBuilt: 'not built yet' };

export default service
  ? [
      scenario('pool-return-job', 'Public-pool return job, 20k of 1M due', '≤ 3 s, no batch (lock) over 1 s', 20_000, (r) => r.job.seconds <= 3 && r.job.maxBatchMs <= 1000),
      scenario('pool-return-half', 'Public-pool return job, half of 1M due', '≤ 60 s, no batch (lock) over 1 s', 500_000, (r) => r.job.seconds <= 60 && r.job.maxBatchMs <= 1000),
    ]
  : notBuilt;
