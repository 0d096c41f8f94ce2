import { i18n } from '@/i18n';
import { marketingEn, marketingHelpEn } from './marketing.en';
import { marketingZhCN, marketingHelpZhCN } from './marketing.zh-CN';

/** Adds the marketing texts (`marketing.*`, guides under `help.*`) to the app's messages. */
export function registerMarketingMessages(): void {
  i18n.global.mergeLocaleMessage('en', { marketing: marketingEn, help: marketingHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { marketing: marketingZhCN, help: marketingHelpZhCN });
}
