#!/usr/bin/env node
// `npm run bench:web [-- --scale 1] [--skip-build]`: production build of the SPA, bundle
// sizes (initial JS = the entry chunk and its static imports, from the Vite manifest,
// gzip vs the 300 KB target), and Chromium timing + trace of the customer list page
// against the bench API and database (seed it first with `npm run bench -- --scale 1`).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { login, startApi } from './lib/api.mjs';
import { databaseExists, serverUrl, withDatabase } from './lib/db.mjs';
import { benchDir, root } from './lib/paths.mjs';
import { BENCH_PASSWORD } from './lib/seed.mjs';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: '1' }, 'skip-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } } });
const web = join(root, 'apps/web');
const dist = join(web, 'dist');
const TARGET_KB = 300;
const log = (m) => console.log(m);
const kb = (n) => Math.round(n / 102.4) / 10;

function bundle() {
  if (!args['skip-build']) {
    log('Building the SPA (vite build --manifest) …');
    const r = spawnSync('npx', ['vite', 'build', '--manifest'], { cwd: web, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const size = (file) => {
    const buf = readFileSync(join(dist, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  // Initial = what the browser must fetch before the app runs: the entry and, transitively, its static imports.
  const initial = new Set();
  const walk = (key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const dep of manifest[key].imports ?? []) walk(dep);
  };
  walk(entryKey);
  const chunks = Object.entries(manifest)
    .filter(([, c]) => c.file.endsWith('.js'))
    .map(([key, c]) => ({ ...size(c.file), key, initial: initial.has(key) }))
    .sort((a, b) => b.gzip - a.gzip);
  const initialJs = chunks.filter((c) => c.initial);
  const css = [...new Set([...initial].flatMap((k) => manifest[k].css ?? []))].map(size);
  const sum = (list, k) => list.reduce((a, c) => a + c[k], 0);
  return {
    entry: manifest[entryKey].file,
    initialJs: { files: initialJs.map((c) => c.file), raw: sum(initialJs, 'raw'), gzip: sum(initialJs, 'gzip') },
    initialCss: { files: css.map((c) => c.file), raw: sum(css, 'raw'), gzip: sum(css, 'gzip') },
    allJs: { count: chunks.length, raw: sum(chunks, 'raw'), gzip: sum(chunks, 'gzip') },
    biggest: chunks.slice(0, 10),
    targetKb: TARGET_KB,
    met: sum(initialJs, 'gzip') <= TARGET_KB * 1024,
  };
}

async function firstRow(apiUrl) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  const access = await login(apiUrl, 'rep0@bench.kehu.local', BENCH_PASSWORD);
  const runs = [];
  const tracePath = join(benchDir, 'results', 'web-trace.json');
  try {
    for (let i = 0; i < Number(args.runs); i++) {
      // A new context each time: a cold HTTP cache, as a first visit; the tokens are already stored.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript((t) => localStorage.setItem('kehu.accessToken', t), access);
      const page = await context.newPage();
      if (i === 0) await browser.startTracing(page, { path: tracePath, screenshots: true });
      await page.goto(`${apiUrl}/sales`, { waitUntil: 'commit' });
      await page.waitForSelector('.el-table-v2__row', { timeout: 30_000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        const list = res.filter((r) => r.name.includes('/api/v1/customers?'));
        return {
          firstRowMs: Math.round(performance.now()),
          domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
          jsRequests: res.filter((r) => r.name.endsWith('.js')).length,
          listApiMs: list.length ? Math.round(list[0].duration) : null,
          rows: document.querySelectorAll('.el-table-v2__row').length,
          // What the page waited for: every API call and script, in order of start.
          requests: res
            .filter((r) => r.name.includes('/api/') || r.name.endsWith('.js'))
            .map((r) => ({ url: r.name.replace(location.origin, '').slice(0, 120), startMs: Math.round(r.startTime), ms: Math.round(r.duration) })),
        };
      });
      if (i === 0) await browser.stopTracing();
      runs.push(t);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...runs].sort((a, b) => a.firstRowMs - b.firstRowMs);
  return { runs, medianFirstRowMs: sorted[Math.floor(sorted.length / 2)].firstRowMs, targetMs: 1000, trace: tracePath };
}

async function main() {
  const scale = Number(args.scale);
  const sizes = bundle();
  log(`Initial JS: ${kb(sizes.initialJs.gzip)} KB gzip (${kb(sizes.initialJs.raw)} KB raw, ${sizes.initialJs.files.length} files) — target ≤ ${TARGET_KB} KB: ${sizes.met ? 'met' : 'NOT met'}`);
  log(`Initial CSS: ${kb(sizes.initialCss.gzip)} KB gzip; all JS: ${sizes.allJs.count} chunks, ${kb(sizes.allJs.gzip)} KB gzip`);
  for (const c of sizes.biggest) log(`  ${c.initial ? '*' : ' '} ${c.file.padEnd(48)} ${String(kb(c.gzip)).padStart(7)} KB gzip ${String(kb(c.raw)).padStart(8)} KB raw`);
  const server = await serverUrl(log);
  const name = `kehu_bench_s${String(scale).replace('.', '_')}`;
  let page;
  try {
    if (!(await databaseExists(server.url, name))) throw new Error(`No ${name}: run npm run bench -- --scale ${scale} --seed-only first`);
    const api = await startApi(withDatabase(server.url, name));
    try {
      mkdirSync(join(benchDir, 'results'), { recursive: true });
      page = await firstRow(api.url);
    } finally {
      await api.stop();
    }
  } finally {
    await server.stop();
  }
  log(`Customer list, time to first row (cold cache, ${page.runs.length} runs): median ${page.medianFirstRowMs} ms — target ≤ 1000 ms: ${page.medianFirstRowMs <= 1000 ? 'met' : 'NOT met'}`);
  log(`  runs: ${page.runs.map((r) => `${r.firstRowMs} ms (list API ${r.listApiMs} ms, ${r.rows} rows)`).join('; ')}`);
  log(`  Chromium trace of the first run: ${page.trace} (open in chrome://tracing or Perfetto)`);
  const sha = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const file = join(benchDir, 'results', `web-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}-${sha}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), git: sha, scale, bundle: sizes, customerList: page }, null, 2));
  log(`Wrote ${file}`);
  if (existsSync(page.trace)) log(`  trace size ${kb(statSync(page.trace).size)} KB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
