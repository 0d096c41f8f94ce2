import { fork } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './api.mjs';
import { benchDir } from './paths.mjs';

/** Starts bench/lib/bare-server.mjs; resolves { url, stop }. */
export async function startBare(databaseUrl) {
  const port = await freePort();
  const child = fork(join(benchDir, 'lib/bare-server.mjs'), [], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: 'ignore' });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}
