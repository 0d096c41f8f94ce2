import { reactive } from 'vue';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import type { ChoosableColumn } from '@/core/lists/use-column-chooser';
import { usersApi } from '../api/users.api';
import { useUserNamesStore } from '../stores/user-names.store';

/** Columns the user may hide or show (name and actions always show). */
export const userColumns: readonly ChoosableColumn[] = [
  { key: 'email', labelKey: 'admin.users.email' },
  { key: 'department', labelKey: 'admin.users.department' },
  { key: 'roles', labelKey: 'admin.users.roles' },
  { key: 'status', labelKey: 'admin.users.status' },
  { key: 'phone', labelKey: 'admin.users.phone', visible: false },
  { key: 'locale', labelKey: 'admin.users.locale', visible: false },
  { key: 'createdAt', labelKey: 'common.createdAt', visible: false },
];

export type ActiveFilter = '' | 'true' | 'false';

export interface UserFilters {
  q: string;
  departmentId: string;
  role: string;
  active: ActiveFilter;
  /** name, -name, email, -email, createdAt, -createdAt */
  sort: string;
}

/** The users list: filters and sort reload it from the first page; "load more" appends. */
export function useUsersList() {
  const filters = reactive<UserFilters>({ q: '', departmentId: '', role: '', active: '', sort: 'name' });
  const names = useUserNamesStore();
  const list = useKeysetList(
    async (page) => {
      const result = await usersApi.list({
        ...page,
        q: filters.q.trim(),
        departmentId: filters.departmentId,
        role: filters.role,
        active: filters.active === '' ? undefined : filters.active === 'true',
        sort: filters.sort,
      });
      names.remember(result.data);
      return result;
    },
    { watch: [() => ({ ...filters })] },
  );

  /** `<el-table @sort-change>`: a header click sorts by that column; clearing returns to name. */
  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }): void {
    filters.sort = !prop || !order ? 'name' : order === 'descending' ? `-${prop}` : prop;
  }

  return { filters, onSortChange, ...list };
}
