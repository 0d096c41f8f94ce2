import type { DepartmentDto } from '@kehu/contracts';

export interface DepartmentNode extends DepartmentDto {
  children: DepartmentNode[];
  /** 0 for top-level departments. */
  depth: number;
}

/**
 * Nests the flat department list (the API sends it ordered by path). Siblings keep the
 * input order; a department whose parent is missing (not visible) becomes a root.
 */
export function buildDepartmentTree(flat: readonly DepartmentDto[]): DepartmentNode[] {
  const nodes = new Map(flat.map((d) => [d.id, { ...d, children: [] as DepartmentNode[], depth: 0 }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    // A parent pointing back into its own subtree would loop; treat such data as a root.
    if (parent && !isAncestor(nodes, node.id, parent.id)) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: DepartmentNode[], depth: number) => list.forEach((n) => ((n.depth = depth), setDepth(n.children, depth + 1)));
  setDepth(roots, 0);
  return roots;
}

function isAncestor(nodes: Map<string, { parentId: string | null }>, ancestor: string, of: string): boolean {
  const seen = new Set<string>();
  for (let id: string | null | undefined = of; id && !seen.has(id); id = nodes.get(id)?.parentId) {
    if (id === ancestor) return true;
    seen.add(id);
  }
  return false;
}

/** The department and everything below it: where it cannot be moved to. */
export function subtreeIds(flat: readonly DepartmentDto[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of flat) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const result = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (result.has(next)) continue;
    result.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return result;
}

export interface TreeOption {
  value: string;
  label: string;
  disabled?: boolean;
  children: TreeOption[];
}

/** Options for `<el-tree-select>`; `exclude` (a subtree) is shown but not selectable. */
export function departmentOptions(tree: readonly DepartmentNode[], exclude: ReadonlySet<string> = new Set()): TreeOption[] {
  return tree.map((n) => ({ value: n.id, label: n.name, disabled: exclude.has(n.id), children: departmentOptions(n.children, exclude) }));
}

/** "Head office / Sales / East" — the department with its ancestors. */
export function departmentPath(flat: readonly DepartmentDto[], id: string | null | undefined): string {
  const byId = new Map(flat.map((d) => [d.id, d]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let d = id ? byId.get(id) : undefined; d && !seen.has(d.id); d = d.parentId ? byId.get(d.parentId) : undefined) {
    seen.add(d.id);
    names.unshift(d.name);
  }
  return names.join(' / ');
}
