import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAuthStore } from '@/stores/auth.store';

/** "Good morning, Ada" by the local time of day. */
export function useGreeting(now: () => Date = () => new Date()) {
  const { t } = useI18n();
  const auth = useAuthStore();
  return computed(() => {
    const hour = now().getHours();
    const key = hour < 12 ? 'dashboard.greetingMorning' : hour < 18 ? 'dashboard.greetingAfternoon' : 'dashboard.greetingEvening';
    return t(key, { name: auth.me?.user.name ?? '' });
  });
}
