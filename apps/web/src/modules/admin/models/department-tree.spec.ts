import { describe, expect, it } from 'vitest';
import type { DepartmentDto } from '@kehu/contracts';
import { buildDepartmentTree, departmentOptions, departmentPath, subtreeIds } from './department-tree';

const dept = (id: string, name: string, parentId: string | null = null): DepartmentDto => ({
  id,
  name,
  parentId,
  managerId: null,
  modules: [],
  memberCount: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});

// As the API sends them: ordered by path.
const flat = [dept('hq', 'Head office'), dept('sales', 'Sales', 'hq'), dept('east', 'East', 'sales'), dept('west', 'West', 'sales'), dept('service', 'Service', 'hq'), dept('lab', 'Lab')];

describe('department tree', () => {
  it('nests the flat list, keeping sibling order and depth', () => {
    const tree = buildDepartmentTree(flat);
    expect(tree.map((n) => n.name)).toEqual(['Head office', 'Lab']);
    expect(tree[0].children.map((n) => n.name)).toEqual(['Sales', 'Service']);
    expect(tree[0].children[0].children.map((n) => [n.name, n.depth])).toEqual([
      ['East', 2],
      ['West', 2],
    ]);
  });

  it('treats a department whose parent is not in the list as a root', () => {
    const tree = buildDepartmentTree([dept('east', 'East', 'sales'), dept('a', 'A')]);
    expect(tree.map((n) => n.name)).toEqual(['East', 'A']);
  });

  it('survives a parent cycle in bad data', () => {
    const tree = buildDepartmentTree([dept('a', 'A', 'b'), dept('b', 'B', 'a')]);
    const count = (nodes: typeof tree): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    expect(count(tree)).toBe(2);
  });

  it('finds a subtree, which a department cannot be moved into', () => {
    expect([...subtreeIds(flat, 'sales')].sort()).toEqual(['east', 'sales', 'west']);
    const options = departmentOptions(buildDepartmentTree(flat), subtreeIds(flat, 'sales'));
    const sales = options[0].children[0];
    expect([options[0].disabled, sales.disabled, sales.children[0].disabled]).toEqual([false, true, true]);
  });

  it('names a department with its ancestors', () => {
    expect(departmentPath(flat, 'east')).toBe('Head office / Sales / East');
    expect(departmentPath(flat, null)).toBe('');
  });
});
