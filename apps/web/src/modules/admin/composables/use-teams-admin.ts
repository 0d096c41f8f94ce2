import { computed, reactive, ref, watch } from 'vue';
import { CreateTeamDto, UpdateTeamDto, type TeamDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { teamsApi } from '../api/teams.api';
import { useUserNamesStore } from '../stores/user-names.store';

const fields = ['name', 'departmentId', 'managerId', 'memberIds'] as const;

/** Teams of one department: list, create / edit (members replace the list), delete. */
export function useTeamsAdmin() {
  const names = useUserNamesStore();
  const departmentId = ref('');
  const teams = ref<TeamDto[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    if (!departmentId.value) {
      teams.value = [];
      return;
    }
    loading.value = true;
    try {
      const page = await teamsApi.list({ departmentId: departmentId.value, limit: 200 });
      teams.value = page.data;
      void names.ensure(page.data.flatMap((team) => [team.managerId, ...team.memberIds]));
    } finally {
      loading.value = false;
    }
  }
  watch(departmentId, () => void load());

  const open = ref(false);
  const saving = ref(false);
  const editing = ref<TeamDto | null>(null);
  const values = reactive({ name: '', managerId: '', memberIds: [] as string[] });
  const createForm = useDtoForm(CreateTeamDto, fields);
  const updateForm = useDtoForm(UpdateTeamDto, fields);
  const form = computed(() => (editing.value ? updateForm : createForm));

  function openCreate(): void {
    editing.value = null;
    Object.assign(values, { name: '', managerId: '', memberIds: [] });
    createForm.clear();
    open.value = true;
  }

  function openEdit(team: TeamDto): void {
    editing.value = team;
    Object.assign(values, { name: team.name, managerId: team.managerId ?? '', memberIds: [...team.memberIds] });
    updateForm.clear();
    open.value = true;
  }

  async function submit(): Promise<boolean> {
    const current = editing.value;
    const body = current
      ? { name: values.name, managerId: values.managerId || null, memberIds: values.memberIds }
      : { name: values.name, departmentId: departmentId.value, memberIds: values.memberIds, ...(values.managerId ? { managerId: values.managerId } : {}) };
    if (!(await form.value.check(body))) return false;
    saving.value = true;
    try {
      if (!current) await teamsApi.create(body as CreateTeamDto);
      else {
        const result = await saveVersioned(() => teamsApi.update(current.id, current.version, body), { reload: load });
        if (!result.ok) {
          const fresh = teams.value.find((team) => team.id === current.id);
          if (fresh) openEdit(fresh);
          return false;
        }
      }
      open.value = false;
      await load();
      return true;
    } catch (error) {
      if (form.value.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  async function remove(team: TeamDto): Promise<void> {
    await teamsApi.remove(team.id);
    await load();
  }

  return { departmentId, teams, loading, load, open, saving, editing, values, errors: computed(() => form.value.errors), openCreate, openEdit, submit, remove };
}
