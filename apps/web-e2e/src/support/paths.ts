import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../../..');
export const apiMain = join(repoRoot, 'apps/api/dist/main.js');
export const webIndex = join(repoRoot, 'apps/web/dist/index.html');
export const resultsDir = join(repoRoot, 'apps/web-e2e/test-results');
