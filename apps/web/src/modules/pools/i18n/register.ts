import { i18n } from '@/i18n';
import { poolsEn, poolsErrorsEn, poolsHelpEn } from './pools.en';
import { poolsZhCN, poolsErrorsZhCN, poolsHelpZhCN } from './pools.zh-CN';

/** Adds the pool texts (`pools.*`, guides under `help.*`, refusal codes under `errors.codes.*`). */
export function registerPoolsMessages(): void {
  i18n.global.mergeLocaleMessage('en', { pools: poolsEn, help: poolsHelpEn, errors: { codes: poolsErrorsEn } });
  i18n.global.mergeLocaleMessage('zh-CN', { pools: poolsZhCN, help: poolsHelpZhCN, errors: { codes: poolsErrorsZhCN } });
}
