import { computed, reactive, ref } from 'vue';
import { CreateUserDto, UpdateUserDto, UserLocale, type UserDto } from '@kehu/contracts';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { withoutBlanks } from '@/core/forms/validate-dto';
import { saveVersioned } from '@/core/concurrency';
import { usersApi } from '../api/users.api';

export interface UserFormValues {
  email: string;
  name: string;
  phone: string;
  locale: UserLocale;
  departmentId: string;
  roles: string[];
  password: string;
}

const fields = ['email', 'name', 'phone', 'locale', 'departmentId', 'roles', 'password'] as const;
type Field = (typeof fields)[number];

const blank = (): UserFormValues => ({ email: '', name: '', phone: '', locale: UserLocale.ZH_CN, departmentId: '', roles: [], password: '' });

/**
 * The create / edit user dialog: values checked with CreateUserDto or UpdateUserDto (the
 * server's rules), saved with If-Match; a 412 reloads the user into the form.
 */
export function useUserForm() {
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<UserDto | null>(null);
  const values = reactive(blank());
  const createForm = useDtoForm<Field>(CreateUserDto, fields);
  const updateForm = useDtoForm<Field>(UpdateUserDto, fields);
  createForm.track(values);
  updateForm.track(values);
  const mode = computed(() => (editing.value ? 'edit' : 'create'));
  const form = computed(() => (editing.value ? updateForm : createForm));
  const errors = computed(() => form.value.errors);

  function fill(user: UserDto | null): void {
    editing.value = user;
    Object.assign(values, blank(), user ? { ...user, phone: user.phone ?? '', departmentId: user.departmentId ?? '', roles: [...user.roles], password: '' } : {});
  }

  function openCreate(departmentId = ''): void {
    fill(null);
    values.departmentId = departmentId;
    createForm.clear();
    open.value = true;
  }

  function openEdit(user: UserDto): void {
    fill(user);
    updateForm.clear();
    open.value = true;
  }

  function createBody() {
    const { email, name, phone, locale, departmentId, roles, password } = values;
    return withoutBlanks({ email, name, phone, locale, departmentId, roles, password });
  }

  function updateBody() {
    const { name, phone, locale, departmentId, roles } = values;
    // The phone is sent even when blank, so it can be cleared; a department cannot be unset.
    return { ...withoutBlanks({ name, locale, departmentId, roles }), phone };
  }

  /** Resolves the saved user, or null when the dialog stays open (invalid, or reloaded after 412). */
  async function submit(): Promise<UserDto | null> {
    const body = editing.value ? updateBody() : createBody();
    if (!(await form.value.check(body))) return null;
    saving.value = true;
    try {
      const user = editing.value;
      if (!user) return await usersApi.create(body as CreateUserDto);
      const result = await saveVersioned(() => usersApi.update(user.id, user.version, body as UpdateUserDto), {
        reload: async () => fill(await usersApi.get(user.id)),
      });
      return result.ok ? result.value : null;
    } catch (error) {
      if (form.value.applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, mode, editing, values, errors, openCreate, openEdit, submit };
}
