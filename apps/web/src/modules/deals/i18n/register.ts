import { i18n } from '@/i18n';
import { dealsEn, dealsHelpEn } from './deals.en';
import { dealsZhCN, dealsHelpZhCN } from './deals.zh-CN';

/** Adds the deals texts (`deals.*`, guides under `help.*`) to the app's messages. */
export function registerDealsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { deals: dealsEn, help: dealsHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { deals: dealsZhCN, help: dealsHelpZhCN });
}
