#!/usr/bin/env node
// `npm run bench -- --scale 1 [--only name,name] [--duration 10]`: seeds (or reuses) the
// bench database, starts the built API in production mode, drives every scenario of
// bench/scenarios at c=1 and c=32 beside its hand-written SQL and a bare node:http
// yardstick, and writes bench/results/<date>-<sha>.json plus a markdown table.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startApi } from './lib/api.mjs';
import { startBare } from './lib/bare.mjs';
import { appSchema, databaseExists, migrate, query, recreateDatabase, serverUrl, withDatabase } from './lib/db.mjs';
import { call, cannon, loop, timeSql } from './lib/drive.mjs';
import { checkNameKeys } from './lib/check-keys.mjs';
import { fixtures } from './lib/fixtures.mjs';
import { benchDir, root } from './lib/paths.mjs';
import { table } from './lib/report.mjs';
import { counts, seed, SEED_VERSION } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'memory-seconds': { type: 'string' },
    reseed: { type: 'boolean', default: false },
    upgrade: { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    'pool-size': { type: 'string' },
    env: { type: 'string', multiple: true },
  },
});
const scale = Number(args.scale);
if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be a number in (0, 10]');
// The quick run is a smoke (no thresholds) that must stay under 3 minutes with every scenario in it.
const quick = scale < 0.1;
const seconds = Number(args.duration ?? (quick ? 2 : 10));
const warmup = Number(args.warmup ?? (quick ? 1 : 3));
const memorySeconds = Number(args['memory-seconds'] ?? (quick ? 15 : 120));
const only = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
const apiEnv = Object.fromEntries((args.env ?? []).map((kv) => kv.split(/=(.*)/s).slice(0, 2)));
if (args['pool-size']) apiEnv.DB_POOL_SIZE = args['pool-size'];

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
};
/** CPU time (user + system) the process has used, in ms: per request it survives a busy machine better than latency. */
const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * (1000 / 100);
  } catch {
    return null;
  }
};
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

async function loadScenarios() {
  const dir = join(benchDir, 'scenarios');
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    for (const s of [mod.default].flat()) if (s) out.push({ ...s, file });
  }
  // Reads first, then writes, jobs, not-built rows, and the memory soak last.
  const rank = (s) => (s.memory ? 5 : s.notBuilt ? 4 : s.job ? 3 : s.name.startsWith('create') ? 2 : 1);
  const order = ['customer-list-first', 'customer-list-deep', 'customer-by-id', 'customer-360', 'global-search-zh', 'global-search-latin', 'kanban', 'case-queue', 'case-by-id'];
  const pos = (s) => (order.includes(s.name) ? order.indexOf(s.name) : order.length);
  return out.sort((a, b) => rank(a) - rank(b) || pos(a) - pos(b));
}

/** Reuses the seeded database when scale and schema version match; else seeds it anew. */
async function prepareDatabase(server) {
  const name = `kehu_bench_s${String(scale).replace('.', '_')}`;
  const url = withDatabase(server.url, name);
  const { version, names } = appSchema();
  const meta = async () => {
    if (!(await databaseExists(server.url, name))) return undefined;
    return (await query(url, `SELECT to_regclass('bench.meta') IS NOT NULL AS ok`))[0].ok ? (await query(url, 'SELECT * FROM bench.meta'))[0] : undefined;
  };
  const m = await meta();
  const seededBySameSeeder = (m?.seed?.seedVersion ?? 1) === SEED_VERSION;
  if (m && !args.reseed && seededBySameSeeder && Number(m.scale) === scale && (m.schema_version === version || args.upgrade)) {
    if (m.schema_version !== version) {
      log(`Upgrading ${name}: schema ${m.schema_version} → ${version} (migrations on the seeded data)`);
      const t = Date.now();
      await migrate(url);
      await query(url, 'UPDATE bench.meta SET schema_version = $1, migrations = $2', [version, names]);
      log(`  migrated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    log(`Reusing ${name} (scale ${scale}, schema ${version}, seeded ${m.seeded_at.toISOString()})`);
    return { url, name, reused: true, seed: m.seed };
  }
  log(`Seeding ${name}: ${JSON.stringify(counts(scale))} (schema ${version}${m ? `, was ${m.schema_version} at scale ${m.scale}${seededBySameSeeder ? '' : ', by an older seeder'}` : ''})`);
  await recreateDatabase(server.url, name);
  let t = Date.now();
  await migrate(url);
  log(`  migrations in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  const result = await seed(url, scale, (s) => log(s));
  log(`  seeded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(result.timings)}`);
  const keyPool = new pg.Pool({ connectionString: url, max: 1 });
  result.nameKeys = await checkNameKeys(keyPool).finally(() => keyPool.end());
  log(`  company keys vs the customers lib's companyKey: ${result.nameKeys.mismatches} of ${result.nameKeys.checked} sampled differ`);
  await query(url, `CREATE TABLE bench.meta (scale numeric, schema_version text, migrations text[], seeded_at timestamptz, seed jsonb)`);
  await query(url, 'INSERT INTO bench.meta VALUES ($1, $2, $3, now(), $4)', [scale, version, names, result]);
  return { url, name, reused: false, seed: result };
}

async function measure(s, ctx, bare) {
  const r = { name: s.name, title: s.title, target: s.target };
  if (s.notBuilt) return { ...r, notBuilt: s.notBuilt };
  const plan = await s.setup(ctx);
  r.note = plan.note;
  if (plan.job) {
    const before = rssMb(ctx.apiPid);
    r.job = await plan.job();
    r.rssMb = Math.max(before ?? 0, rssMb(ctx.apiPid) ?? 0);
  } else {
    const drive = (connections) =>
      plan.flow
        ? loop({ flow: plan.flow, concurrency: connections, seconds, warmup })
        : cannon({ baseUrl: ctx.api.url, request: plan.request, connections, seconds, warmup });
    // One probe first: a scenario that answers errors is reported, not timed.
    if (plan.request) {
      const probe = await call(ctx.api.url, plan.request(0));
      if (probe.status >= 400) throw new Error(`probe answered ${probe.status}: ${probe.body.slice(0, 300)}`);
    }
    log(`  c=1`);
    r.c1 = await drive(1);
    log(`    p50 ${r.c1.p50} p99 ${r.c1.p99} ms, ${r.c1.rps} req/s, ${r.c1.bytes} B, ${r.c1.errors} errors`);
    // latencyOnly: a target on one caller's wait only (a count that takes hundreds of ms would
    // just queue 32 callers past the load generator's timeout and keep PostgreSQL busy after).
    if (!s.latencyOnly) {
      log(`  c=32`);
      const cpu0 = cpuMs(ctx.apiPid);
      r.c32 = await drive(32);
      r.apiCpuMsPerRequest = cpu0 === null || !r.c32.n ? null : Math.round(((cpuMs(ctx.apiPid) - cpu0) / Math.max(1, r.c32.n)) * 100) / 100;
      log(`    p50 ${r.c32.p50} p99 ${r.c32.p99} ms, ${r.c32.rps} req/s, ${r.c32.errors} errors; API CPU ${r.apiCpuMsPerRequest} ms/request`);
    }
    r.rssMb = rssMb(ctx.apiPid);
    if (plan.sql) {
      r.sql = await timeSql(ctx.pool, plan.sql, Math.min(seconds, 5));
      r.api_vs_sql = ratio(r.c1.p50, r.sql.p50);
      log(`  SQL p50 ${r.sql.p50} p99 ${r.sql.p99} ms → api_vs_sql ${r.api_vs_sql}`);
    }
    if (!s.latencyOnly) {
      const bareSeconds = Math.min(seconds, 5);
      r.bare_const = await cannon({ baseUrl: bare.url, request: () => ({ path: `/json/${r.c1.bytes || 100}` }), connections: 32, seconds: bareSeconds, warmup: 1 });
      r.api_vs_bare_const = ratio(r.c32.rps, r.bare_const.rps);
      if (plan.bareRequest) {
        r.bare_pg = await cannon({ baseUrl: bare.url, request: plan.bareRequest, connections: 32, seconds: bareSeconds, warmup: 1 });
        r.api_vs_bare_pg = ratio(r.c32.rps, r.bare_pg.rps);
      }
      r.api_vs_bare = r.api_vs_bare_pg ?? r.api_vs_bare_const;
      log(`  bare const ${r.bare_const.rps} req/s${r.bare_pg ? `, http+pg ${r.bare_pg.rps} req/s` : ''} → api_vs_bare ${r.api_vs_bare}`);
    }
  }
  try {
    await s.teardown?.(ctx);
  } catch (err) {
    r.teardownError = String(err.message ?? err); // the figures stand; the database may keep a few rows
    log(`  teardown failed: ${r.teardownError}`);
  }
  r.met = s.met ? Boolean(s.met(r)) : null;
  return r;
}

async function memorySoak(s, ctx, mix) {
  const r = { name: s.name, title: s.title, target: s.target };
  if (!mix.length) return { ...r, error: 'no mix scenarios ran' };
  const samples = [];
  const t0 = Date.now();
  const timer = setInterval(() => samples.push({ t: (Date.now() - t0) / 1000, mb: rssMb(ctx.apiPid) }), 1000);
  const load = await cannon({ baseUrl: ctx.api.url, request: (i) => mix[i % mix.length](Math.floor(i / mix.length)), connections: 32, seconds: memorySeconds });
  clearInterval(timer);
  const xs = samples.filter((p) => p.mb !== null);
  // Growth: least-squares slope over the second half (after the heap has settled).
  const half = xs.slice(Math.floor(xs.length / 2));
  const mx = half.reduce((a, p) => a + p.t, 0) / half.length;
  const my = half.reduce((a, p) => a + p.mb, 0) / half.length;
  const slope = half.reduce((a, p) => a + (p.t - mx) * (p.mb - my), 0) / (half.reduce((a, p) => a + (p.t - mx) ** 2, 0) || 1);
  const slopeMbPerMin = Math.round(slope * 60 * 10) / 10;
  r.memory = { seconds: memorySeconds, load, startMb: xs[0]?.mb, endMb: xs.at(-1)?.mb, peakMb: Math.max(...xs.map((p) => p.mb)), slopeMbPerMin, growing: memorySeconds >= 60 ? slopeMbPerMin > 5 : null, samples: xs };
  // Under a minute the heap is still settling: the trend is reported, not judged.
  r.met = r.memory.growing === null ? r.memory.peakMb <= 350 : s.met(r);
  log(`  RSS ${r.memory.startMb} → ${r.memory.endMb} MB (peak ${r.memory.peakMb}), second-half slope ${slopeMbPerMin} MB/min; ${load.rps} req/s`);
  return r;
}

async function main() {
  const sha = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim() + (execSync('git status --porcelain -- . ":!bench/results"', { cwd: root }).toString().trim() ? '-dirty' : '');
    } catch {
      return 'nogit';
    }
  })();
  log(`Kehu bench: scale ${scale}, ${seconds} s per run after ${warmup} s warm-up; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (!existsSync(join(root, 'apps/api/dist/main.js'))) throw new Error('Build the API first: npx nx run-many -t build -p @kehu/api');
  const server = await serverUrl(log);
  const stops = [server.stop];
  const results = [];
  let db;
  try {
    db = await prepareDatabase(server);
    if (args['seed-only']) return;
    const api = await startApi(db.url, apiEnv);
    stops.unshift(api.stop);
    const bare = await startBare(db.url);
    stops.unshift(bare.stop);
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    stops.unshift(() => pool.end());
    log(`API (production) on ${api.url}, pid ${api.pid}, RSS ${rssMb(api.pid)} MB`);
    await vacuumIfDirty(pool, log);
    const fx = { ...(await fixtures(pool, api.url)), pool };
    const ctx = { scale, api, apiPid: api.pid, fx, pool, call, log, databaseUrl: db.url, seconds, warmup };
    const mix = [];
    for (const s of await loadScenarios()) {
      if (only && !only.some((o) => s.name.startsWith(o))) continue;
      log(`${s.name}${s.notBuilt ? `: ${s.notBuilt}` : ''}`);
      try {
        if (s.memory) results.push(await memorySoak(s, ctx, mix));
        else {
          results.push(await measure(s, ctx, bare));
          if (s.mix && !s.notBuilt) {
            const plan = await s.setup(ctx);
            mix.push(...(plan.mixRequests ?? [plan.request]));
          }
        }
      } catch (err) {
        log(`  failed: ${err.stack ?? err}`);
        results.push({ name: s.name, title: s.title, target: s.target, error: String(err.message ?? err) });
      }
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
  if (!results.length) return;
  const out = {
    date: new Date().toISOString(),
    git: sha,
    scale,
    seconds,
    warmup,
    machine: { cores: os.cpus().length, model: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), loadAvgAtEnd: os.loadavg(), node: process.version },
    database: { name: db.name, reused: db.reused, seed: db.seed, embedded: server.embedded },
    apiEnv,
    totalSeconds: Math.round((Date.now() - started) / 1000),
    results,
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `${out.date.slice(0, 19).replace(/:/g, '')}-${sha}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  const md = table(results);
  writeFileSync(file.replace(/\.json$/, '.md'), `${md}\n`);
  console.log(`\n${md}\n\nWrote ${file} (${out.totalSeconds} s in all)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * Starts from clean tables whatever ran before (an interrupted run, a manual test): a table
 * with more dead rows than a tenth of its live ones is vacuumed. With autovacuum off (as on
 * CI-configured servers) nothing else would do it, and searches then walk millions of dead
 * index entries (Latin search p50 10 → 34 ms measured).
 */
async function vacuumIfDirty(pool, log) {
  const { rows: [{ autovacuum }] } = await pool.query('SHOW autovacuum');
  if (autovacuum !== 'on') log('  autovacuum is off on this server: dirty tables are vacuumed here and by the scenarios that dirty them');
  const { rows } = await pool.query(`SELECT relname FROM pg_stat_user_tables WHERE n_dead_tup > 10000 AND n_dead_tup > n_live_tup / 10 ORDER BY relname`);
  for (const { relname } of rows) {
    const t = Date.now();
    await pool.query(`VACUUM (ANALYZE) "${relname}"`);
    log(`  vacuumed ${relname} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
}
