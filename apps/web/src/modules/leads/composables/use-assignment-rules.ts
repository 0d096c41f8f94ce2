import { reactive, ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { CreateAssignmentRuleDto, UpdateAssignmentRuleDto, type AssignmentRuleDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { ruleMessage } from '@/core/forms/rule-message';
import { validateDto } from '@/core/forms/validate-dto';
import { assignmentRulesApi, teamsLookupApi } from '../api/leads.api';
import { emptyRule, reordered, ruleBody, ruleForm } from '../models/rule-form';

/** The ordered assignment rules with their editor; reordering is saved at once. */
export function useAssignmentRules() {
  const rules = ref<AssignmentRuleDto[]>([]);
  const teams = ref<{ id: string; name: string }[]>([]);
  const loading = ref(false);
  const reordering = ref(false);
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<AssignmentRuleDto | null>(null);
  const values = reactive(emptyRule());
  const errors = reactive<Record<string, string>>({});

  async function load() {
    loading.value = true;
    try {
      rules.value = (await assignmentRulesApi.list()).data;
    } finally {
      loading.value = false;
    }
  }

  async function loadTeams() {
    // Any signed-in user may list teams; a failure leaves the team picker empty.
    teams.value = (await teamsLookupApi.list().catch(() => ({ data: [] }))).data.map((team) => ({ id: team.id, name: team.name }));
  }

  const clearErrors = () => Object.keys(errors).forEach((key) => delete errors[key]);

  function openCreate() {
    editing.value = null;
    Object.assign(values, emptyRule());
    clearErrors();
    open.value = true;
  }

  function openEdit(rule: AssignmentRuleDto) {
    editing.value = rule;
    Object.assign(values, ruleForm(rule));
    clearErrors();
    open.value = true;
  }

  async function submit(): Promise<boolean> {
    clearErrors();
    const before = editing.value;
    const body = ruleBody(values, !!before);
    Object.assign(errors, await validateDto(before ? UpdateAssignmentRuleDto : CreateAssignmentRuleDto, body));
    if (values.targetType === 'user' && !values.targetUserId) errors.targetUserId = ruleMessage('required', '');
    if (values.targetType === 'team' && !values.targetTeamId) errors.targetTeamId = ruleMessage('required', '');
    if (Object.keys(errors).length) return false;
    saving.value = true;
    try {
      if (!before) await assignmentRulesApi.create(body as CreateAssignmentRuleDto);
      else {
        const result = await saveVersioned(() => assignmentRulesApi.update(before.id, before.version, body as UpdateAssignmentRuleDto), {
          reload: async () => {
            await load();
            const fresh = rules.value.find((r) => r.id === before.id);
            if (fresh) openEdit(fresh);
          },
        });
        if (!result.ok) return false;
      }
      open.value = false;
      await load();
      return true;
    } catch (error) {
      if (isApiProblemError(error) && error.errors.length) {
        for (const { field, message, rule } of error.errors) errors[field.replace(/^body\./, '')] ??= ruleMessage(rule, message);
        return false;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  /** Moves a rule and saves the new order; the list goes back if the server refuses. */
  async function move(from: number, to: number): Promise<boolean> {
    const ids = reordered(rules.value.map((r) => r.id), from, to);
    if (ids.every((id, i) => id === rules.value[i]?.id)) return false;
    const before = rules.value;
    rules.value = ids.map((id) => before.find((r) => r.id === id)!);
    reordering.value = true;
    try {
      rules.value = (await assignmentRulesApi.reorder({ ids })).data;
      return true;
    } catch (error) {
      rules.value = before;
      throw error;
    } finally {
      reordering.value = false;
    }
  }

  async function remove(rule: AssignmentRuleDto) {
    await assignmentRulesApi.remove(rule.id);
    await load();
  }

  return { rules, teams, loading, reordering, open, saving, editing, values, errors, load, loadTeams, openCreate, openEdit, submit, move, remove };
}
