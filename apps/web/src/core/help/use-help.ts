import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { useI18n } from 'vue-i18n';

// One drawer for the whole app: the header button and pages open the same one.
const open = ref(false);

/** The operation guide of the current page (`meta.help` names its entry under `help.` in i18n). */
export function useHelp() {
  const route = useRoute();
  const { t, te, tm, rt } = useI18n();
  const key = computed(() => route.meta.help);
  const hasGuide = computed(() => !!key.value && te(`help.${key.value}.title`));
  const title = computed(() => (hasGuide.value ? t(`help.${key.value}.title`) : t('help.title')));
  const steps = computed<string[]>(() => {
    if (!hasGuide.value) return [];
    const raw = tm(`help.${key.value}.steps`);
    return Array.isArray(raw) ? raw.map((step) => rt(step)) : [];
  });
  return { open, hasGuide, title, steps };
}
