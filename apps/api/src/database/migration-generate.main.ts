/**
 * `npm run migration:generate -- <Name> <lib folder>`: writes a migration with the SQL
 * that makes the database match the entities (after all existing migrations).
 * Needs a PostgreSQL server: TEST_DATABASE_URL or DATABASE_URL.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schemaDiff, withScratchDatabase } from './schema-diff';

async function main(): Promise<void> {
  const [name, folder] = process.argv.slice(2);
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!name || !folder || !server) {
    console.error('usage: TEST_DATABASE_URL=postgres://… npm run migration:generate -- <Name> <libs/server/x/src/migrations>');
    process.exit(2);
  }
  const { up, down } = await withScratchDatabase(server, schemaDiff);
  if (!up.length) {
    console.log('No changes: the migrations match the entities.');
    return;
  }
  const ts = Date.now();
  const cls = `${name}${ts}`;
  const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${up.map((s) => `    await q.query(${q(s)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.reverse().map((s) => `    await q.query(${q(s)});`).join('\n')}
  }
}
`;
  const file = join(resolve(process.cwd(), folder), `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`);
  writeFileSync(file, body);
  console.log(`wrote ${file}; export it from the folder's index.ts`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
