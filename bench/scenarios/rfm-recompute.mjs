// Customer value recompute (RFM, lifetime and referral value), 1M customers / 5M orders:
// the nightly job's run, ≤ 30 s (issue 6). Measured twice: from an empty customer_values
// table (the first run after install or a settings change rewrites every row: the worst
// case), then again with nothing changed (a quiet night: only the read side and the MERGE's
// comparison). The service runs in this process on a bare TypeORM DataSource, the way the
// API's job calls recompute(); its `now` is the data set's fixed DATA_NOW.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appSchema } from '../lib/db.mjs';
import { root } from '../lib/paths.mjs';
import { DATA_NOW } from '../lib/seed.mjs';

const require = createRequire(join(root, 'package.json'));
const analytics = (() => {
  try {
    return require('@kehu/server-analytics');
  } catch {
    return undefined;
  }
})();

let ds;

export default analytics
  ? {
      name: 'rfm-recompute',
      title: 'RFM/value recompute, 1M customers / 5M orders',
      target: '≤ 30 s (first run and a quiet night)',
      met: (r) => r.job.seconds <= 30 && r.job.againSeconds <= 30,
      async setup({ fx, databaseUrl, log }) {
        require('reflect-metadata');
        const core = require('@kehu/server-core');
        const { DataSource } = require('typeorm');
        ds = new DataSource(core.dataSourceOptions(databaseUrl, appSchema().schema, 2));
        await ds.initialize();
        const clock = { now: () => new Date(DATA_NOW) };
        const jobs = { register() {}, send: async () => null };
        const svc = new analytics.ValueScoringService(ds, new core.TransactionService(ds), new core.AuditService(), jobs, clock);
        await fx.pool.query('TRUNCATE customer_values');
        const run = async () => {
          const t = performance.now();
          const r = await svc.recompute();
          return { seconds: Math.round((performance.now() - t) / 10) / 100, ...r };
        };
        return {
          note: 'from empty, then unchanged',
          job: async () => {
            const first = await run();
            log(`  first run: ${first.changed} of ${first.customers} customers written in ${first.seconds} s`);
            const again = await run();
            log(`  again: ${again.changed} changed in ${again.seconds} s`);
            const [segments] = (await fx.pool.query(`SELECT json_object_agg(rfm_segment, n) AS s FROM (SELECT rfm_segment, count(*)::int AS n FROM customer_values GROUP BY 1) x`)).rows;
            return { seconds: first.seconds, rows: first.customers, againSeconds: again.seconds, changedAgain: again.changed, segments: segments.s };
          },
        };
      },
      async teardown() {
        await ds?.destroy();
        ds = undefined;
      },
    }
  : { name: 'rfm-recompute', title: 'RFM/value recompute, 1M customers / 5M orders', target: '≤ 30 s', notBuilt: 'not built yet' };
