import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem } from '@/test/fake-api';
import { useModuleRollout } from './use-module-rollout';

vi.mock('element-plus', async (original) => ({ ...(await original<typeof import('element-plus')>()), ElMessage: { warning: vi.fn() } }));

const rows = (version: number, salesModules = ['sales', 'service']) => ({
  data: [
    { departmentId: 'hq', departmentName: 'HQ', parentId: null, modules: ['sales', 'marketing', 'service', 'analytics'], version: 1 },
    { departmentId: 'south', departmentName: 'South', parentId: 'hq', modules: salesModules, version },
  ],
  nextCursor: null,
});

describe('useModuleRollout', () => {
  it('saves only changed departments, with If-Match on their version', async () => {
    const api = fakeApi({
      'GET /api/v1/module-rollout': () => json(200, rows(4)),
      'PUT /api/v1/module-rollout/south': async (request) => json(200, { ...rows(5).data[1], modules: (await request.json()).modules }),
    });
    const rollout = useModuleRollout();
    await rollout.load();
    expect(rollout.rows.value.map((r) => r.depth)).toEqual([0, 1]);

    rollout.toggle('south', 'service' as never, false);
    expect(rollout.changed.value.map((r) => r.departmentId)).toEqual(['south']);
    expect(await rollout.save()).toBe(true);

    const [request] = api.calls('PUT /api/v1/module-rollout/south')[0];
    expect(request.headers.get('If-Match')).toBe('"4"');
    expect(await request.clone().json()).toEqual({ modules: ['sales'] });
    expect(api.calls('PUT /api/v1/module-rollout/hq')).toHaveLength(0);
    expect(rollout.changed.value).toEqual([]);
    expect(rollout.rows.value[1]).toMatchObject({ version: 5, depth: 1 });
  });

  it('on 412 reloads the table (dropping the draft) and reports not saved', async () => {
    let version = 4;
    const api = fakeApi({
      'GET /api/v1/module-rollout': () => json(200, rows(version, version === 4 ? ['sales', 'service'] : ['sales', 'analytics'])),
      'PUT /api/v1/module-rollout/south': () => {
        version = 6;
        return problem(412, 'PRECONDITION_FAILED');
      },
    });
    const rollout = useModuleRollout();
    await rollout.load();
    rollout.toggle('south', 'marketing' as never, true);
    expect(await rollout.save()).toBe(false);
    expect(api.calls('GET /api/v1/module-rollout')).toHaveLength(2);
    expect(rollout.rows.value[1].version).toBe(6);
    expect(rollout.draft.south).toEqual(['sales', 'analytics']);
    expect(rollout.changed.value).toEqual([]);
  });
});
