import { describe, expect, it } from 'vitest';
import { AppModuleName, type ModuleRolloutDto } from '@kehu/contracts';
import { changedRows, draftOf, toggleModule } from './module-rollout';

const row = (departmentId: string, modules: AppModuleName[]): ModuleRolloutDto => ({ departmentId, departmentName: departmentId, parentId: null, modules, version: 3 });

describe('module rollout draft', () => {
  it('toggles modules in column order and finds the rows to save', () => {
    const rows = [row('sales', [AppModuleName.SALES]), row('service', [AppModuleName.SERVICE, AppModuleName.SALES])];
    const draft = draftOf(rows);
    expect(draft.service).toEqual(['sales', 'service']);
    expect(changedRows(rows, draft)).toEqual([]);

    toggleModule(draft, 'sales', AppModuleName.ANALYTICS, true);
    toggleModule(draft, 'sales', AppModuleName.MARKETING, true);
    expect(draft.sales).toEqual(['sales', 'marketing', 'analytics']);
    expect(changedRows(rows, draft).map((r) => r.departmentId)).toEqual(['sales']);

    toggleModule(draft, 'sales', AppModuleName.MARKETING, false);
    toggleModule(draft, 'sales', AppModuleName.ANALYTICS, false);
    expect(changedRows(rows, draft)).toEqual([]);
  });
});
