import { i18n } from '@/i18n';
import { leadsEn, leadsHelpEn } from './leads.en';
import { leadsZhCN, leadsHelpZhCN } from './leads.zh-CN';

/** Adds the leads texts (`leads.*`, guides under `help.*`) to the app's messages. */
export function registerLeadsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { leads: leadsEn, help: leadsHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { leads: leadsZhCN, help: leadsHelpZhCN });
}
