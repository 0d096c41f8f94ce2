import { i18n } from '@/i18n';
import { analyticsEn, analyticsHelpEn } from './analytics.en';
import { analyticsZhCN, analyticsHelpZhCN } from './analytics.zh-CN';

/** Adds the analytics texts (`analytics.*`, guides under `help.*`) to the app's messages. */
export function registerAnalyticsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { analytics: analyticsEn, help: analyticsHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { analytics: analyticsZhCN, help: analyticsHelpZhCN });
}
