/** `npm run seed -- --size small|large --seed 42`: fills an empty database with a demo organisation. */
import 'reflect-metadata';
import { join } from 'node:path';
import { dataSourceOptions, loadConfig, runMigrationsLocked, startEmbeddedPostgres } from '@kehu/server-core';
import { PasswordService } from '@kehu/server-identity';
import { DataSource } from 'typeorm';
import { appSchema } from '../app.schema';
import { DEMO_PASSWORD, seedDemoOrganisation } from './demo-organisation';
import { parseSeedArgs } from './seed-options';

async function main(): Promise<void> {
  const options = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(join(config.dataDir, 'pg'));
  const url = config.databaseUrl ?? embedded!.url;
  const ds = new DataSource(dataSourceOptions(url, appSchema, 2));
  try {
    await ds.initialize();
    await runMigrationsLocked(ds, url);
    const summary = await ds.transaction((m) => seedDemoOrganisation(m, options, new PasswordService()));
    const sales = summary.sales;
    console.log(`Seeded (${options.size}, seed ${options.seed}): ${summary.departments} departments, ${summary.teams} teams, ${summary.users} users` + (sales ? `, ${sales.customers} customers, ${sales.contacts} contacts, ${sales.activities} follow-ups, ${sales.opportunities} opportunities` : '') + (summary.service ? `, ${summary.service.cases} service cases, ${summary.service.serviceContracts} service contracts, ${summary.service.workOrders} work orders.` : '.'));
    console.log(`Every demo user's password is ${DEMO_PASSWORD}. Try:`);
    for (const l of summary.logins) console.log(`  ${l.role.padEnd(16)} ${l.email}`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
