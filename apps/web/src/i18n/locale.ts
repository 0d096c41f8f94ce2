// Which UI language to use: the one chosen on this device, else the browser's, else Chinese.
export const supportedLocales = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof supportedLocales)[number];

export const localeStorageKey = 'kehu.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

export function detectLocale(): AppLocale {
  const stored = localStorage.getItem(localeStorageKey);
  if (isAppLocale(stored)) return stored;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const language of languages) {
    if (/^zh\b/i.test(language)) return 'zh-CN';
    if (/^en\b/i.test(language)) return 'en';
  }
  return 'zh-CN';
}
