// Public-pool return job: 1M customers of which 20k are due (≤ 3 s), then half due
// (≤ 60 s, no lock held over 1 s). HOOK for the pools work: when @kehu/server-sales
// exports PoolReturnService, fill in `job` below — make N customers due with one UPDATE
// on fx.pool (e.g. last_follow_up_at far in the past for owned customers), then run the
// service once (it needs a Nest app: build one with createApp from apps/api/dist/app.factory.js
// against ctx.databaseUrl, or call the job's SQL the service exposes) and return
// { seconds, rows }. The runner times it, records RSS and prints the row; restore the
// data afterwards in `teardown` so the seeded database stays reusable.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../lib/paths.mjs';

const require = createRequire(join(root, 'package.json'));
const service = (() => {
  try {
    return require('@kehu/server-sales').PoolReturnService;
  } catch {
    return undefined;
  }
})();

export default {
  name: 'pool-return-job',
  title: 'Public-pool return job (20k due / half due)',
  target: '≤ 3 s (20k due); ≤ 60 s (500k due), no lock over 1 s',
  notBuilt: service ? 'PoolReturnService exists: its measurement is still to be written in bench/scenarios/pool-return-job.mjs' : 'not built yet',
  // async setup(ctx) { return { job: async () => ({ seconds, rows }) }; },
};
