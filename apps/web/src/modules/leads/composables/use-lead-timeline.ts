import { watch } from 'vue';
import type { ActivityDto } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { useQuickEntryState } from '@/modules/sales/composables/use-quick-entry';
import { leadsApi } from '../api/leads.api';

/**
 * A lead's follow-ups, newest first; reloads (and tells the caller, so the lead's status and
 * last contact refresh) when quick entry saves one for this lead.
 */
export function useLeadTimeline(leadId: () => string | null, onSaved: (saved: ActivityDto) => void = () => undefined) {
  const list = useKeysetList<ActivityDto>((page) => leadsApi.activities(leadId() ?? '', page), { count: false, pageSize: 20 });
  const { lastSaved } = useQuickEntryState();
  watch(lastSaved, (saved) => {
    if (!saved || !saved.leadId || saved.leadId !== leadId()) return;
    void list.reload();
    onSaved(saved);
  });
  return list;
}
