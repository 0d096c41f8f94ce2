import { computed } from 'vue';
import { useAuthStore } from '@/stores/auth.store';
import { adminSections } from '../admin-sections';

/** The admin pages the signed-in user holds the permission for. */
export function useAdminSections() {
  const auth = useAuthStore();
  return computed(() => adminSections.filter((section) => auth.can(section.permission)));
}
