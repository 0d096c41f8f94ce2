import { computed, reactive, ref } from 'vue';
import { CreateDepartmentDto, UpdateDepartmentDto, type DepartmentDto } from '@kehu/contracts';
import { isApiProblemError } from '@kehu/api-client';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { problemMessage } from '@/core/problem-message';
import { departmentsApi } from '../api/departments.api';
import { departmentOptions, subtreeIds } from '../models/department-tree';
import { useDepartmentsStore } from '../stores/departments.store';

const fields = ['name', 'parentId', 'managerId'] as const;

/**
 * Creating, renaming, moving (by parent select or drag) and deleting departments. Saves send
 * If-Match; a 412 reloads the tree. Errors the user can act on come back as messages.
 */
export function useDepartmentEditor() {
  const store = useDepartmentsStore();
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<DepartmentDto | null>(null);
  const values = reactive({ name: '', parentId: '', managerId: '' });
  const createForm = useDtoForm(CreateDepartmentDto, fields);
  const updateForm = useDtoForm(UpdateDepartmentDto, fields);
  const form = computed(() => (editing.value ? updateForm : createForm));

  /** Where the edited department may go: anywhere but inside itself. */
  const parentOptions = computed(() => departmentOptions(store.tree, editing.value ? subtreeIds(store.list, editing.value.id) : new Set()));

  function openCreate(parentId: string | null = null): void {
    editing.value = null;
    Object.assign(values, { name: '', parentId: parentId ?? '', managerId: '' });
    createForm.clear();
    open.value = true;
  }

  function openEdit(department: DepartmentDto): void {
    editing.value = department;
    Object.assign(values, { name: department.name, parentId: department.parentId ?? '', managerId: department.managerId ?? '' });
    updateForm.clear();
    open.value = true;
  }

  async function submit(): Promise<boolean> {
    const current = editing.value;
    const body = current
      ? { name: values.name, parentId: values.parentId || null, managerId: values.managerId || null }
      : { name: values.name, ...(values.parentId ? { parentId: values.parentId } : {}), ...(values.managerId ? { managerId: values.managerId } : {}) };
    if (!(await form.value.check(body))) return false;
    saving.value = true;
    try {
      if (!current) await departmentsApi.create(body as CreateDepartmentDto);
      else {
        const result = await saveVersioned(() => departmentsApi.update(current.id, current.version, body), { reload: store.load });
        if (!result.ok) {
          const fresh = store.byId.get(current.id);
          if (fresh) openEdit(fresh);
          return false;
        }
      }
      await store.load();
      open.value = false;
      return true;
    } catch (error) {
      if (form.value.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  /** Drag and drop: the department goes under `parentId` (null = top level). */
  async function move(department: DepartmentDto, parentId: string | null): Promise<void> {
    try {
      if (department.parentId !== parentId) await saveVersioned(() => departmentsApi.update(department.id, department.version, { parentId }), { reload: store.load });
    } finally {
      // Also puts the tree back when the move was refused.
      await store.load();
    }
  }

  /** Deletes an empty department; otherwise resolves the reason (409 DEPARTMENT_NOT_EMPTY). */
  async function remove(department: DepartmentDto): Promise<string | null> {
    try {
      await departmentsApi.remove(department.id);
      await store.load();
      return null;
    } catch (error) {
      if (isApiProblemError(error) && error.status === 409) return problemMessage(error);
      throw error;
    }
  }

  return { open, saving, editing, values, errors: computed(() => form.value.errors), parentOptions, openCreate, openEdit, submit, move, remove };
}
