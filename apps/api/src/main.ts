import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, runMigrationsLocked, startEmbeddedPostgres, type EmbeddedPostgres } from '@kehu/server-core';
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
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Zero-setup default: a PostgreSQL owned by this process, data kept under .data/pg.
    console.log(`No DATABASE_URL: starting embedded PostgreSQL in ${join(config.dataDir, 'pg')}`);
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'));
    databaseUrl = embedded.url;
  }
  const app = await createApp(config, databaseUrl, { serveWeb: true });
  const migrated = await runMigrationsLocked(app.get(DataSource), databaseUrl);
  if (migrated.length) console.log(`Applied migrations: ${migrated.join(', ')}`);
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
  await app.listen(config.port);
  console.log(`Kehu is listening on http://localhost:${config.port} (API docs: /api/docs)`);
}

void bootstrap();
