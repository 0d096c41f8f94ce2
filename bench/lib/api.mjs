// The API as production runs it: the built apps/api/dist/main.js, NODE_ENV=production,
// on a port of its own, against the bench database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './paths.mjs';

export function freePort() {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
}

async function waitFor(url, ms, child) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** `env` adds to / overrides the production environment (e.g. DB_POOL_SIZE). */
export async function startApi(databaseUrl, env = {}) {
  const port = await freePort();
  // The heap cap the Dockerfile and `npm start` give it.
  // BENCH_API_NODE_ARGS: extra flags for the API's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a scenario.
  const extra = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...extra, join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: randomBytes(32).toString('hex'),
      // A scale-1 run takes longer than the default 15-minute token.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      KEHU_DATA_DIR: join(root, 'bench/results/.data'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/health`, 60_000, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`The API did not start: ${err.message}\n${stderr}`);
  }
  return {
    url,
    pid: child.pid,
    stop: () => new Promise((r) => { if (child.exitCode !== null) return r(); child.once('exit', r); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 5000).unref(); }),
  };
}

export async function login(url, email, password) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}
