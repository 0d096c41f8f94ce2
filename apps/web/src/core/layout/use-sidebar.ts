import { ref, watch } from 'vue';

const storageKey = 'kehu.sidebarCollapsed';

// Module-level so the header button and the sidebar share one state.
const collapsed = ref(localStorage.getItem(storageKey) === '1');
watch(collapsed, (value) => localStorage.setItem(storageKey, value ? '1' : '0'));
const drawerOpen = ref(false);

/** Desktop: the sidebar collapses to icons (remembered). Phone: it is a drawer, closed by default. */
export function useSidebar() {
  return { collapsed, drawerOpen };
}
