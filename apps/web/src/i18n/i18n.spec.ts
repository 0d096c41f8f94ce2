import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLocale, i18n, setLocale } from './index';
import { detectLocale, localeStorageKey } from './locale';
import en from './en';
import zhCN from './zh-CN';

/** Every leaf path of a message tree (`auth.title`, `help.login.steps.0`). */
const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('i18n', () => {
  afterEach(() => localStorage.clear());

  it('switching the language changes the texts and is remembered', () => {
    setLocale('en');
    expect(i18n.global.t('nav.sales')).toBe('Sales');
    expect(localStorage.getItem(localeStorageKey)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    setLocale('zh-CN');
    expect(i18n.global.t('nav.sales')).toBe('销售');
    expect(currentLocale()).toBe('zh-CN');
    expect(localStorage.getItem(localeStorageKey)).toBe('zh-CN');
  });

  it('prefers the remembered language over the browser one', () => {
    localStorage.setItem(localeStorageKey, 'en');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    expect(detectLocale()).toBe('en');
  });

  it('defaults from the browser language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'zh-CN']);
    expect(detectLocale()).toBe('en');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-TW']);
    expect(detectLocale()).toBe('zh-CN');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    expect(detectLocale()).toBe('zh-CN');
  });

  it('both languages have the same messages', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('every message compiles and renders', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      for (const key of keys(en).filter((k) => !/\.steps\.\d+$/.test(k))) {
        expect(i18n.global.t(key, { name: 'Ada', seconds: 5, min: 10, max: 128 }), `${locale} ${key}`).not.toBe(key);
      }
    }
  });
});
