import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { ServiceContractStatus } from '@kehu/contracts';
import { i18n, setLocale } from '@/i18n';
import { serviceContractsEn, serviceContractsHelpEn } from './service-contracts.en';
import { serviceContractsHelpZhCN, serviceContractsZhCN } from './service-contracts.zh-CN';
import { serviceContractColumns } from '../composables/use-service-contracts-list';
import { serviceContractsRoutes } from '../service-contracts.routes';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('service contract texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(serviceContractsZhCN)).toEqual(keys(serviceContractsEn));
    expect(keys(serviceContractsHelpZhCN)).toEqual(keys(serviceContractsHelpEn));
  });

  it('name every status, and every route has its title and guide', () => {
    expect(Object.keys(serviceContractsEn.status).sort()).toEqual(Object.values(ServiceContractStatus).sort());
    for (const route of serviceContractsRoutes) {
      expect(i18n.global.te(String(route.meta?.titleKey), 'en')).toBe(true);
      expect(serviceContractsHelpEn).toHaveProperty(String(route.meta?.help));
    }
    for (const column of serviceContractColumns) expect(i18n.global.te(column.labelKey, 'zh-CN')).toBe(true);
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('serviceContracts.nav.contracts')).toBe('服务合同');
    expect(i18n.global.t('help.serviceContracts.title')).toBe('服务合同');
    expect(i18n.global.t('serviceContracts.detail.visitsUsedOf', { used: 1, included: 6 })).toBe('已用 1 次，共 6 次');
    setLocale('en');
    const params = { number: 'SC-1', date: 'd', reason: 'r', used: 1, included: 2, shown: 1, total: 2 };
    for (const key of keys(serviceContractsEn).map((k) => `serviceContracts.${k}`)) {
      expect(() => i18n.global.t(key, params)).not.toThrow();
      expect(i18n.global.t(key, params)).not.toBe(key);
    }
  });
});
