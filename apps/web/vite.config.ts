import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { elementPlusStyles } from './build/element-plus-styles.ts';

const require = createRequire(import.meta.url);
const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

export default defineConfig({
  // Unit tests need no stylesheets (and Node cannot import the .css files).
  plugins: [vue(), process.env.VITEST ? null : elementPlusStyles()],
  resolve: {
    alias: [
      { find: /^@kehu\/contracts$/, replacement: lib('contracts/src/index.ts') },
      { find: /^@kehu\/api-client$/, replacement: lib('api-client/src/index.ts') },
      // The contracts' swagger decorators become no-ops in the browser (TOOLCHAIN pitfall 4).
      { find: /^@nestjs\/swagger$/, replacement: require.resolve('@nestjs/swagger/package.json').replace(/package\.json$/, 'dist/extra/swagger-shim.js') },
      { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
});
