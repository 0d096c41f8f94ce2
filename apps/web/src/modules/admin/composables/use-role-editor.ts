import { computed, reactive, ref, watch } from 'vue';
import { CreateRoleDto, UpdateRoleDto, type RoleDto } from '@kehu/contracts';
import { isApiProblemError } from '@kehu/api-client';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { problemMessage } from '@/core/problem-message';
import { rolesApi } from '../api/roles.api';
import { changedPermissions, toGrants, toMatrix, type PermissionMatrix } from '../models/permission-matrix';
import { useRolesStore } from '../stores/roles.store';

/**
 * The permission matrix of the selected role: edits stay local until saved (If-Match; a 412
 * reloads the role and its matrix). Built-in roles are shown read-only.
 */
export function useRoleEditor() {
  const store = useRolesStore();
  const selectedId = ref<string | null>(null);
  const selected = computed(() => store.list.find((r) => r.id === selectedId.value) ?? null);
  const readOnly = computed(() => selected.value?.builtIn ?? true);
  const matrix = reactive(toMatrix({})) as PermissionMatrix;
  const name = ref('');
  const original = ref<PermissionMatrix>(toMatrix({}));
  const saving = ref(false);
  const nameForm = useDtoForm(UpdateRoleDto, ['name', 'permissions']);

  function reset(role: RoleDto | null): void {
    const fresh = toMatrix(role?.permissions ?? {});
    Object.assign(matrix, fresh);
    original.value = fresh;
    name.value = role?.name ?? '';
    nameForm.clear();
  }
  watch(selected, (role) => reset(role), { immediate: true });

  const changed = computed(() => changedPermissions(original.value, matrix));
  const dirty = computed(() => changed.value.length > 0 || (selected.value !== null && name.value !== selected.value.name));

  async function save(): Promise<boolean> {
    const role = selected.value;
    if (!role || role.builtIn) return false;
    const body = { name: name.value, permissions: toGrants(matrix) };
    if (!(await nameForm.check(body))) return false;
    saving.value = true;
    try {
      const result = await saveVersioned(() => rolesApi.update(role.id, role.version, body), { reload: store.load });
      if (!result.ok) {
        reset(selected.value);
        return false;
      }
      store.upsert(result.value);
      return true;
    } catch (error) {
      if (nameForm.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  const discard = () => reset(selected.value);

  /** Deletes a custom role; resolves the reason when refused (409 ROLE_IN_USE / ROLE_BUILT_IN). */
  async function remove(role: RoleDto): Promise<string | null> {
    try {
      await rolesApi.remove(role.id);
      store.remove(role.id);
      if (selectedId.value === role.id) selectedId.value = store.list[0]?.id ?? null;
      return null;
    } catch (error) {
      if (isApiProblemError(error) && error.status === 409) return problemMessage(error);
      throw error;
    }
  }

  return { selectedId, selected, readOnly, matrix, name, changed, dirty, saving, nameErrors: nameForm.errors, save, discard, remove };
}

/** The "new role" dialog: key (pattern `^[a-z][a-z0-9_]+$`), name, permissions copied from a role. */
export function useRoleCreate() {
  const store = useRolesStore();
  const open = ref(false);
  const saving = ref(false);
  const values = reactive({ key: '', name: '', copyFrom: '' });
  const form = useDtoForm(CreateRoleDto, ['key', 'name', 'permissions']);

  function openCreate(copyFrom = ''): void {
    Object.assign(values, { key: '', name: '', copyFrom });
    form.clear();
    open.value = true;
  }

  async function submit(): Promise<RoleDto | null> {
    const source = store.list.find((r) => r.id === values.copyFrom);
    const body = { key: values.key, name: values.name, permissions: { ...(source?.permissions ?? {}) } };
    if (!(await form.check(body))) return null;
    saving.value = true;
    try {
      const role = await rolesApi.create(body);
      store.upsert(role);
      open.value = false;
      return role;
    } catch (error) {
      if (form.applyServer(error)) return null;
      if (isApiProblemError(error) && error.status === 409) {
        form.errors.key = problemMessage(error);
        return null;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, values, errors: form.errors, openCreate, submit };
}
