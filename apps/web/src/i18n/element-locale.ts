import en from 'element-plus/es/locale/lang/en';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import type { AppLocale } from './locale';

/** Element Plus' own texts (pagination, dialogs, date pickers) follow the UI language. */
export const elementLocales = { 'zh-CN': zhCn, en } satisfies Record<AppLocale, unknown>;
