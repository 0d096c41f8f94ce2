/**
 * Writes the OpenAPI contract to libs/contracts/openapi.json, or with --check fails when
 * the committed file differs from what the code generates. Needs no database.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@kehu/server-core';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from './openapi.document';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' });
  const app = await createApp(config, 'postgres://preview@127.0.0.1:1/preview', { preview: true });
  const text = JSON.stringify(buildOpenApiDocument(app, '1.0.0'), null, 2) + '\n';
  const file = resolve(__dirname, '../../../../libs/contracts/openapi.json');
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing counts as different
    }
    if (committed !== text) {
      console.error(`${file} is out of date: run \`npm run openapi\` and commit the result.`);
      process.exit(1);
    }
    console.log('openapi.json matches the code');
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
  await app.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
