// Shared jest settings for the server projects: ts-jest in transpile-only mode (typecheck
// is its own target) and workspace libs mapped to their TypeScript sources.
const { resolve } = require('node:path');

const libs = {
  '@kehu/contracts': 'libs/contracts/src/index.ts',
  '@kehu/server-core': 'libs/server/core/src/index.ts',
  '@kehu/server-testing': 'libs/server/testing/src/index.ts',
  '@kehu/server-identity': 'libs/server/identity/src/index.ts',
  '@kehu/server-customers': 'libs/server/customers/src/index.ts',
  '@kehu/server-sales': 'libs/server/sales/src/index.ts',
  '@kehu/server-integrations': 'libs/server/integrations/src/index.ts',
  '@kehu/server-analytics': 'libs/server/analytics/src/index.ts',
  '@kehu/server-marketing': 'libs/server/marketing/src/index.ts',
  '@kehu/server-service': 'libs/server/service/src/index.ts',
};

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { ...require('./tsconfig.base.json').compilerOptions, paths: undefined, baseUrl: undefined, isolatedModules: true, sourceMap: true } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(Object.entries(libs).map(([name, path]) => [`^${name}$`, resolve(__dirname, path)])),
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
};
