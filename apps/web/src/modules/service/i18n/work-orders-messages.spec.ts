import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { WorkOrderStatus } from '@kehu/contracts';
import { i18n, setLocale } from '@/i18n';
import { workOrdersEn, workOrdersHelpEn } from './work-orders.en';
import { workOrdersHelpZhCN, workOrdersZhCN } from './work-orders.zh-CN';
import { workOrderColumns } from '../composables/use-work-orders-list';
import { workOrdersRoutes } from '../work-orders.routes';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('work order texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(workOrdersZhCN)).toEqual(keys(workOrdersEn));
    expect(keys(workOrdersHelpZhCN)).toEqual(keys(workOrdersHelpEn));
  });

  it('name every status (also in a case history), and every route has its title and guide', () => {
    const statuses = Object.values(WorkOrderStatus).sort();
    expect(Object.keys(workOrdersEn.status).sort()).toEqual(statuses);
    expect(Object.keys(workOrdersEn.caseEvent).filter((k) => k !== 'other' && k !== 'rescheduled').sort()).toEqual(statuses);
    for (const route of workOrdersRoutes) {
      expect(i18n.global.te(String(route.meta?.titleKey), 'en')).toBe(true);
      expect(workOrdersHelpEn).toHaveProperty(String(route.meta?.help));
    }
    for (const column of workOrderColumns) expect(i18n.global.te(column.labelKey, 'zh-CN')).toBe(true);
  });

  it('load with the texts on demand and render, with the error codes of work orders', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('workOrders.nav.workOrders')).toBe('派工单');
    expect(i18n.global.t('help.workOrders.title')).toBe('派工单');
    expect(i18n.global.t('workOrders.form.busy', { number: 'WO-1', window: '11月30日 09:00–11:00' })).toBe('该时段已有派工单 WO-1（11月30日 09:00–11:00）');
    expect(i18n.global.t('errors.codes.TECHNICIAN_BUSY')).toBe('该技术员在此时段已有上门安排。');
    setLocale('en');
    expect(i18n.global.t('errors.codes.WORK_ORDER_STATUS_TRANSITION')).toBe("This step is not possible in the work order's current status.");
    const params = { number: 'WO-1', window: 'w', n: 2, status: 's', reason: 'r', time: 't', result: 'x' };
    for (const key of keys(workOrdersEn).map((k) => `workOrders.${k}`)) {
      expect(() => i18n.global.t(key, params)).not.toThrow();
      expect(i18n.global.t(key, params)).not.toBe(key);
    }
  });
});
