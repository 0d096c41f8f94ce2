import { ref, watch } from 'vue';
import { useAuthStore } from '@/stores/auth.store';
import { serviceContractsApi } from '../api/service-contracts.api';

/**
 * The service contract a case or a visit names, as "number · name" for a link — for those who
 * may read contracts (null otherwise, and while it loads). Follows the id as the record reloads.
 */
export function useServiceContractLabel(contractId: () => string | null | undefined) {
  const auth = useAuthStore();
  const contract = ref<{ id: string; label: string } | null>(null);
  watch(contractId, async (id) => {
    if (contract.value?.id === id) return;
    contract.value = null;
    if (!id || !auth.can('service.contract.read')) return;
    const c = await serviceContractsApi.get(id).catch(() => null);
    if (c && contractId() === id) contract.value = { id: c.id, label: `${c.number} · ${c.name}` };
  });
  return contract;
}
