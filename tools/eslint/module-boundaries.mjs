// Enforces the import rules of ARCHITECTURE.md from the `nx.tags` of each workspace
// package. Nx 24 has no @nx/eslint-plugin, so this small rule does the same job:
// a project may import another only if one of its tags allows one of the target's tags,
// only through the target's public entry (no deep imports), and never by a relative
// path that leaves its own folder.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** Which tags a source tag may import. `*` = any workspace project. */
export const depConstraints = {
  'type:contracts': [],
  'type:api-client': ['type:contracts'],
  'type:web': ['type:contracts', 'type:api-client'],
  'type:e2e': ['type:contracts', 'type:api-client'],
  'scope:core': ['type:contracts'],
  'scope:testing': ['scope:core', 'type:contracts'],
  'scope:identity': ['scope:core', 'type:contracts'],
  'scope:customers': ['scope:core', 'type:contracts', 'scope:identity'],
  'scope:sales': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers'],
  // Marketing builds segments on analytics' customer values (seed 001: value measurement → campaigns).
  'scope:marketing': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers', 'scope:sales', 'scope:analytics'],
  'scope:service': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers', 'scope:sales'],
  'scope:integrations': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers', 'scope:sales'],
  'scope:automation': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers', 'scope:sales'],
  'scope:analytics': ['scope:core', 'type:contracts', 'scope:identity', 'scope:customers'],
  'type:app': ['type:server', 'type:contracts'],
};

/** Test-only helpers may be imported from test files of server projects. */
const testOnlyTag = 'scope:testing';
const isTestFile = (file) => /\.(e2e-)?spec\.ts$/.test(file) || file.split(sep).includes('test');

let projects;
function loadProjects() {
  if (projects) return projects;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  projects = [];
  for (const pattern of pkg.workspaces) {
    const base = join(root, pattern.replace(/\/\*$/, ''));
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const file = join(base, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const p = JSON.parse(readFileSync(file, 'utf8'));
      projects.push({ name: p.name, root: join(base, entry.name), tags: p.nx?.tags ?? [] });
    }
  }
  // Longest root first, so a file belongs to its innermost project.
  projects.sort((a, b) => b.root.length - a.root.length);
  return projects;
}

const projectOfFile = (file) => loadProjects().find((p) => file === p.root || file.startsWith(p.root + sep));
const projectByName = (name) => loadProjects().find((p) => p.name === name);

function allowed(source, target, file) {
  if (target.tags.includes(testOnlyTag) && isTestFile(file) && source.tags.includes('type:server')) return true;
  if (target.tags.includes(testOnlyTag) && isTestFile(file) && source.tags.includes('type:app')) return true;
  return source.tags.some((tag) => {
    const ok = depConstraints[tag];
    return ok && target.tags.some((t) => ok.includes(t) && !(t === testOnlyTag));
  });
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce Kehu module boundaries (ARCHITECTURE.md)' },
    schema: [],
    messages: {
      forbidden: "'{{source}}' ({{sourceTags}}) may not import '{{target}}' ({{targetTags}}): see ARCHITECTURE.md 'Who may import whom'.",
      deep: "Import '{{target}}' through its public index, not '{{spec}}'.",
      relative: "Relative import '{{spec}}' leaves project '{{source}}'; import the other project by its package name.",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const source = projectOfFile(file);
    if (!source) return {};
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!(target === source.root || target.startsWith(source.root + sep))) {
          context.report({ node, messageId: 'relative', data: { spec, source: source.name } });
        }
        return;
      }
      const m = /^(@kehu\/[^/]+)(\/.*)?$/.exec(spec);
      if (!m) return;
      const target = projectByName(m[1]);
      if (!target || target === source) return;
      if (m[2]) {
        context.report({ node, messageId: 'deep', data: { spec, target: m[1] } });
        return;
      }
      if (!allowed(source, target, file)) {
        context.report({
          node,
          messageId: 'forbidden',
          data: { source: source.name, sourceTags: source.tags.join(', '), target: target.name, targetTags: target.tags.join(', ') },
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
