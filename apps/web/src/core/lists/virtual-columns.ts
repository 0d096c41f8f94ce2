/** A column of `virtual-table.vue`: widths are pixels (a virtual grid cannot measure its cells). */
export interface VirtualColumn {
  key: string;
  title: string;
  width: number;
  /** Share of the spare width this column takes (0: keeps `width`). */
  grow?: number;
  fixed?: 'left' | 'right';
  sortable?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Left out of the table (a column a phone has no room for). */
  hidden?: boolean;
}

export interface VirtualSort {
  key: string;
  order: 'asc' | 'desc';
}

/** The API's sort parameter (`name`, `-createdAt`) as a table's sort state. */
export function sortState(sort: string): VirtualSort {
  return sort.startsWith('-') ? { key: sort.slice(1), order: 'desc' } : { key: sort, order: 'asc' };
}

/** A table's sort state as the API's sort parameter. */
export function sortParam({ key, order }: VirtualSort): string {
  return order === 'desc' ? `-${key}` : key;
}
