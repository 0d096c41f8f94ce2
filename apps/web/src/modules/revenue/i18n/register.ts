import { i18n } from '@/i18n';
import { revenueEn, revenueHelpEn } from './revenue.en';
import { revenueZhCN, revenueHelpZhCN } from './revenue.zh-CN';

/** Adds the revenue texts (`revenue.*`, guides under `help.*`) to the app's messages. */
export function registerRevenueMessages(): void {
  i18n.global.mergeLocaleMessage('en', { revenue: revenueEn, help: revenueHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { revenue: revenueZhCN, help: revenueHelpZhCN });
}
