import { i18n } from '@/i18n';
import { serviceContractsEn, serviceContractsHelpEn } from './service-contracts.en';
import { serviceContractsHelpZhCN, serviceContractsZhCN } from './service-contracts.zh-CN';

/** Adds the service contract texts (`serviceContracts.*`, guides under `help.*`) to the app's messages. */
export function registerServiceContractsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { serviceContracts: serviceContractsEn, help: serviceContractsHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { serviceContracts: serviceContractsZhCN, help: serviceContractsHelpZhCN });
}
