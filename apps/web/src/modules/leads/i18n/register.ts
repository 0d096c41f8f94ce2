import { i18n } from '@/i18n';
import { leadsEn, leadsHelpEn } from './leads.en';
import { leadsZhCN, leadsHelpZhCN } from './leads.zh-CN';
import { webFormsEn, webFormsHelpEn } from './web-forms.en';
import { webFormsZhCN, webFormsHelpZhCN } from './web-forms.zh-CN';

/** Adds the leads and web forms texts (`leads.*`, `webForms.*`, guides under `help.*`) to the app's messages. */
export function registerLeadsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { leads: leadsEn, webForms: webFormsEn, help: { ...leadsHelpEn, ...webFormsHelpEn } });
  i18n.global.mergeLocaleMessage('zh-CN', { leads: leadsZhCN, webForms: webFormsZhCN, help: { ...leadsHelpZhCN, ...webFormsHelpZhCN } });
}
