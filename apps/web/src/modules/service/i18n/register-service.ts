import { i18n } from '@/i18n';
import { serviceEn, serviceErrorCodesEn, serviceHelpEn } from './service.en';
import { serviceErrorCodesZhCN, serviceHelpZhCN, serviceZhCN } from './service.zh-CN';

/** Adds the cases / SLA / service figures texts (`service.*`, guides under `help.*`, its problem codes) to the app's messages. */
export function registerServiceMessages(): void {
  i18n.global.mergeLocaleMessage('en', { service: serviceEn, help: serviceHelpEn, errors: { codes: serviceErrorCodesEn } });
  i18n.global.mergeLocaleMessage('zh-CN', { service: serviceZhCN, help: serviceHelpZhCN, errors: { codes: serviceErrorCodesZhCN } });
}
