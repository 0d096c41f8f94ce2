import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, runMigrationsLocked, startEmbeddedPostgres, type EmbeddedPostgres } from '@kehu/server-core';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Startup lines are JSON like every other log line (log shippers expect one format).
  const log = pino({ level: config.logLevel, base: { pid: process.pid, context: 'Bootstrap' } });
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Zero-setup default: a PostgreSQL owned by this process, data kept under .data/pg.
    log.info(`No DATABASE_URL: starting embedded PostgreSQL in ${join(config.dataDir, 'pg')}`);
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'), (msg) => log.debug({ postgres: msg.trim() }));
    databaseUrl = embedded.url;
  }
  const app = await createApp(config, databaseUrl, { serveWeb: true });
  const migrated = await runMigrationsLocked(app.get(DataSource), databaseUrl);
  if (migrated.length) log.info({ migrations: migrated }, 'applied migrations');
  if (!embedded) app.enableShutdownHooks();
  else {
    const stop = embedded.stop;
    process.once('beforeExit', () => void stop());
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, async () => {
        await app.close();
        await stop();
        process.exit(0);
      });
    }
  }
  await app.listen(config.port, '0.0.0.0');
  log.info(`Kehu is listening on http://localhost:${config.port} (API docs: /api/docs)`);
}

void bootstrap();
