import { i18n } from '@/i18n';
import { contractsEn, contractsHelpEn } from './contracts.en';
import { contractsHelpZhCN, contractsZhCN } from './contracts.zh-CN';

/** Adds the contracts texts (`contracts.*`, guides under `help.*`) to the app's messages. */
export function registerContractsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { contracts: contractsEn, help: contractsHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { contracts: contractsZhCN, help: contractsHelpZhCN });
}
