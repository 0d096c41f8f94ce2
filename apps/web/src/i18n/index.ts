import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';
import { type AppLocale, detectLocale, localeStorageKey } from './locale';

export { supportedLocales, type AppLocale } from './locale';

export const i18n = createI18n({
  legacy: false,
  locale: detectLocale(),
  fallbackLocale: 'en',
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the UI language and remembers it on this device. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(localeStorageKey, locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}
