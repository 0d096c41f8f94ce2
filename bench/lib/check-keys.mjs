// The seeded company keys must be what the customers lib's companyKey gives for the name
// (duplicate checks compare against them): checks a sample, returns the mismatches.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './paths.mjs';

export async function checkNameKeys(pool, size = 2000) {
  const { companyKey } = createRequire(join(root, 'package.json'))('@kehu/server-customers');
  const { rows } = await pool.query('SELECT name, name_key FROM customers TABLESAMPLE SYSTEM (5) LIMIT $1', [size]);
  const bad = rows.filter((r) => companyKey(r.name) !== r.name_key).map((r) => ({ name: r.name, seeded: r.name_key, lib: companyKey(r.name) }));
  return { checked: rows.length, mismatches: bad.length, examples: bad.slice(0, 5) };
}
