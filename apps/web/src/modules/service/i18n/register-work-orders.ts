import { i18n } from '@/i18n';
import { workOrdersEn, workOrdersHelpEn } from './work-orders.en';
import { workOrdersHelpZhCN, workOrdersZhCN } from './work-orders.zh-CN';

/** Adds the work order texts (`workOrders.*`, guides under `help.*`) to the app's messages. */
export function registerWorkOrdersMessages(): void {
  i18n.global.mergeLocaleMessage('en', { workOrders: workOrdersEn, help: workOrdersHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { workOrders: workOrdersZhCN, help: workOrdersHelpZhCN });
}
