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
    rolldownOptions: {
      output: {
        // Element Plus split per component gave ~90 chunks of a few KB each: over HTTP/1.1's
        // six connections the list page loaded in waves for seconds. One UI-library chunk
        // (and one for its stylesheets) loads in one round, with the first page: the entry holds
        // none of it (app.vue loads the config provider async; main.ts's base.css is not grouped).
        advancedChunks: {
          groups: [
            // Vue itself first: else the UI group would pull it in as a dependency and the entry with it.
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|vue-demi)[\\/]/, priority: 20 },
            // The menu's icons are needed by the entry; Element Plus uses some too, so they get their own chunk.
            { name: 'icons', test: /node_modules[\\/]@element-plus[\\/]icons-vue[\\/]/, priority: 15 },
            { name: 'element-plus', test: /^(?!.*\.css$).*node_modules[\\/](element-plus|@floating-ui|@ctrl|lodash-es|lodash-unified|async-validator|dayjs|@vueuse|normalize-wheel-es|memoize-one)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
