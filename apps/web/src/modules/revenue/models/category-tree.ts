import type { ProductCategoryDto } from '@kehu/contracts';

export interface CategoryNode extends ProductCategoryDto {
  children: CategoryNode[];
}

/** The flat category list as a tree (siblings by position, then name). */
export function categoryTree(categories: ProductCategoryDto[]): CategoryNode[] {
  const nodes = new Map(categories.map((c) => [c.id, { ...c, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) (node.parentId && nodes.get(node.parentId) ? nodes.get(node.parentId)!.children : roots).push(node);
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
