import { watchEffect } from 'vue';
import { useRoute } from 'vue-router';
import { useI18n } from 'vue-i18n';

/** The browser tab names the page, and the document its language, in the chosen language. */
export function useDocumentTitle(): void {
  const { t, locale } = useI18n();
  const route = useRoute();
  watchEffect(() => {
    const page = route.meta.titleKey ? t(route.meta.titleKey) : '';
    document.title = page ? `${page} · ${t('app.fullName')}` : t('app.fullName');
    document.documentElement.lang = locale.value;
  });
}
