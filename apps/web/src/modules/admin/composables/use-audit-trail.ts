import type { AuditEventDto, Page } from '@kehu/contracts';
import { useKeysetList, type PageRequest } from '@/core/lists/use-keyset-list';
import { useUserNamesStore } from '../stores/user-names.store';

/** A page-by-page list of audit events (a user's history, the audit log); actor names filled in. */
export function useAuditTrail(fetchPage: (page: PageRequest) => Promise<Page<AuditEventDto>>, options: Parameters<typeof useKeysetList>[1] = {}) {
  const names = useUserNamesStore();
  return useKeysetList<AuditEventDto>(
    async (page) => {
      const result = await fetchPage(page);
      names.remember(result.data.filter((e) => e.actorId && e.actorName).map((e) => ({ id: e.actorId!, name: e.actorName! })));
      void names.ensure(result.data.map((e) => e.onBehalfOfId));
      return result;
    },
    { count: false, pageSize: 50, ...options },
  );
}
