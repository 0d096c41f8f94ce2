import { ref, watch } from 'vue';
import type { SavedViewDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, done } from '@/core/api-http';
import { ifMatch } from '@/core/concurrency';
import type { CustomerFilters } from '../models/customer-filters';

/** A named set of filters, sort and columns; `mine` is false for a view a team shares. */
export interface SavedView {
  id: string;
  name: string;
  filters: CustomerFilters;
  sort: string;
  columns: string[];
  mine: boolean;
  version: number;
}

const fromDto = (v: SavedViewDto): SavedView => {
  const { sort, ...filters } = v.filters as unknown as CustomerFilters & { sort?: string };
  return { id: v.id, name: v.name, filters, sort: sort ?? '', columns: v.columns, mine: v.mine, version: v.version };
};

/**
 * Saved views of the customers list, kept on the server (`/api/v1/saved-views`): the
 * user's own, plus those a team shares with them (read-only here).
 */
export function useSavedViews(userId: () => string | null) {
  const views = ref<SavedView[]>([]);

  async function load(): Promise<void> {
    if (!userId()) {
      views.value = [];
      return;
    }
    const list = await body<SavedViewDto[]>(api.GET('/api/v1/saved-views', { params: { query: { entityType: 'customer' } } }));
    views.value = list.map(fromDto);
  }
  watch(userId, () => void load(), { immediate: true });

  /** Saves a view, or overwrites the caller's own view of the same name; returns it. */
  async function save(name: string, state: Pick<SavedView, 'filters' | 'sort' | 'columns'>): Promise<SavedView> {
    const trimmed = name.trim().slice(0, 100);
    const payload = { name: trimmed, filters: { ...structuredClone(state.filters), sort: state.sort }, columns: [...state.columns] };
    const existing = views.value.find((v) => v.mine && v.name === trimmed);
    const saved = existing
      ? await body<SavedViewDto>(api.PATCH('/api/v1/saved-views/{id}', { params: { path: { id: existing.id } }, body: payload, headers: ifMatch(existing.version) }))
      : await body<SavedViewDto>(api.POST('/api/v1/saved-views', { body: { entityType: 'customer', ...payload } as never }));
    const view = fromDto(saved);
    views.value = existing ? views.value.map((v) => (v.id === view.id ? view : v)) : [...views.value, view];
    return view;
  }

  async function remove(id: string): Promise<void> {
    await done(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id } } }));
    views.value = views.value.filter((v) => v.id !== id);
  }

  return { views, save, remove, load };
}
