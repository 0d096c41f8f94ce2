#!/usr/bin/env node
// `npm run dev`: every server lib and the API compiled in watch mode, the API restarted by
// `node --watch` when its output changes, and Vite's dev server (proxying /api) for the SPA.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' };
const first = spawnSync('node_modules/.bin/nx', ['run-many', '-t', 'build', '-p', '@kehu/api', '--outputStyle=stream'], { cwd: root, env, stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const tsc = 'node_modules/.bin/tsc';
const watchers = [
  [tsc, ['-p', 'libs/contracts/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'libs/server/core/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'libs/server/identity/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'libs/server/customers/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'libs/server/sales/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'libs/server/integrations/tsconfig.lib.json', '--watch', '--preserveWatchOutput']],
  [tsc, ['-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput']],
  ['node', ['--watch', 'apps/api/dist/main.js']],
  ['node_modules/.bin/vite', ['--config', 'apps/web/vite.config.ts', 'apps/web']],
];
const children = watchers.map(([cmd, args]) => spawn(cmd, args, { cwd: root, env, stdio: 'inherit' }));
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
