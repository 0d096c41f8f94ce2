import { describe, expect, it } from 'vitest';
import { categoryTree } from './category-tree';

describe('categoryTree', () => {
  it('nests children under parents and sorts siblings', () => {
    const tree = categoryTree([
      { id: 'b', name: '硬件', parentId: null, path: '/b/', position: 1 },
      { id: 'a', name: '软件', parentId: null, path: '/a/', position: 0 },
      { id: 'c', name: 'SaaS', parentId: 'a', path: '/a/c/', position: 0 },
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0].children.map((n) => n.id)).toEqual(['c']);
  });
});
