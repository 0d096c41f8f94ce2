// Imports the stylesheet of every Element Plus component a module imports, so each route
// chunk carries only the CSS it uses (what unplugin-element-plus does, which is not installed).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const elementPlusRoot = dirname(createRequire(import.meta.url).resolve('element-plus/package.json'));
const importFromElementPlus = /import\s*\{([^}]+)\}\s*from\s*['"]element-plus['"]/g;

/** `ElMenuItem` → `menu-item`; `vLoading` → `loading`. */
const kebab = (name: string) =>
  name
    .replace(/^(El|v)(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

export function stylesOf(code: string): string[] {
  const styles = new Set<string>();
  for (const match of code.matchAll(importFromElementPlus)) {
    for (const spec of match[1].split(',')) {
      const name = spec.trim().split(/\s+as\s+/)[0].replace(/^type\s+/, '');
      if (!/^(El|v)[A-Z]/.test(name)) continue;
      const dir = kebab(name);
      if (existsSync(join(elementPlusRoot, 'es/components', dir, 'style/css.mjs'))) {
        styles.add(`element-plus/es/components/${dir}/style/css`);
      }
    }
  }
  return [...styles];
}

export function elementPlusStyles(): Plugin {
  return {
    name: 'kehu:element-plus-styles',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('/src/') || id.includes('node_modules') || !/\.(vue|ts)($|\?)/.test(id) || !code.includes('element-plus')) return null;
      const styles = stylesOf(code);
      if (!styles.length) return null;
      return { code: styles.map((s) => `import '${s}';`).join('\n') + '\n' + code, map: null };
    },
  };
}
