import { reactive, ref, watch } from 'vue';
import { CreateDelegationDto, type DelegationDto, type DelegationUsageDto } from '@kehu/contracts';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { delegationsApi } from '../api/delegations.api';
import { useUserNamesStore } from '../stores/user-names.store';

const fields = ['clerkId', 'repId', 'endsAt'] as const;

export type DelegationStatus = 'active' | 'ended' | 'revoked';

export function delegationStatus(d: DelegationDto, now = Date.now()): DelegationStatus {
  if (d.revokedAt) return 'revoked';
  return Date.parse(d.endsAt) <= now ? 'ended' : 'active';
}

/** The usage period: the last N days up to now. */
export function periodRange(days: number, now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString(), to: now.toISOString() };
}

/** Reps ordered by how much of their entry clerks still do: those to follow up first. */
export const byShare = (rows: readonly DelegationUsageDto[]): DelegationUsageDto[] => [...rows].sort((a, b) => b.share - a.share || b.delegated - a.delegated);

/** 代录入授权: grants of clerk → rep until a date, their revocation, and how much they are used. */
export function useDelegations() {
  const names = useUserNamesStore();
  const list = useKeysetList(async (page) => {
    const result = await delegationsApi.list(page);
    void names.ensure(result.data.flatMap((d) => [d.clerkId, d.repId]));
    return result;
  });

  const open = ref(false);
  const saving = ref(false);
  const values = reactive({ clerkId: '', repId: '', endsAt: null as Date | null });
  const form = useDtoForm(CreateDelegationDto, fields);

  function openCreate(): void {
    Object.assign(values, { clerkId: '', repId: '', endsAt: null });
    form.clear();
    open.value = true;
  }

  async function submit(): Promise<boolean> {
    const body = { clerkId: values.clerkId, repId: values.repId, endsAt: values.endsAt?.toISOString() ?? '' };
    if (!(await form.check(body))) return false;
    saving.value = true;
    try {
      await delegationsApi.create(body);
      open.value = false;
      await Promise.all([list.reload(), loadUsage()]);
      return true;
    } catch (error) {
      if (form.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  async function revoke(delegation: DelegationDto): Promise<void> {
    await delegationsApi.revoke(delegation.id);
    await list.reload();
  }

  const usageDays = ref(30);
  const usage = ref<DelegationUsageDto[]>([]);
  const usageLoading = ref(false);
  async function loadUsage(): Promise<void> {
    usageLoading.value = true;
    try {
      usage.value = byShare(await delegationsApi.usage(periodRange(usageDays.value)));
    } finally {
      usageLoading.value = false;
    }
  }
  watch(usageDays, () => void loadUsage());

  return { ...list, open, saving, values, errors: form.errors, openCreate, submit, revoke, usageDays, usage, usageLoading, loadUsage };
}
