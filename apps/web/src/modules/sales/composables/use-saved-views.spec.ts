import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { fakeApi, json, noContent } from '@/test/fake-api';
import { useSavedViews } from './use-saved-views';

const dto = (over: object) => ({ id: 'v1', entityType: 'customer', name: 'A 级', filters: { grade: 'A', sort: '-createdAt' }, columns: ['name'], ownerId: 'u1', sharedWithTeamId: null, mine: true, version: 1, ...over });

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((r) => setTimeout(r, 0));
};

describe('saved views (server)', () => {
  it('loads own and shared views, splitting the sort out of the stored filters', async () => {
    fakeApi({ 'GET /api/v1/saved-views': () => json(200, [dto({}), dto({ id: 'v2', name: 'Team', mine: false })]) });
    const { views } = useSavedViews(() => 'u1');
    await flush();
    expect(views.value.map((v) => [v.name, v.sort, v.mine])).toEqual([['A 级', '-createdAt', true], ['Team', '-createdAt', false]]);
    expect(views.value[0].filters).toEqual({ grade: 'A' });
  });

  it('creates a new view, overwrites an own view of the same name with If-Match, and deletes', async () => {
    const api = fakeApi({
      'GET /api/v1/saved-views': () => json(200, [dto({})]),
      'POST /api/v1/saved-views': async (r) => json(201, dto({ id: 'v9', ...(await r.json()) })),
      'PATCH /api/v1/saved-views/v1': async (r) => json(200, dto({ ...(await r.json()), version: 2 })),
      'DELETE /api/v1/saved-views/v9': () => noContent(),
    });
    const views = useSavedViews(() => 'u1');
    await flush();
    await views.save('Stale', { filters: { noFollowUpDays: 30 } as never, sort: 'lastFollowUpAt', columns: ['name'] });
    const posted = await api.calls('POST /api/v1/saved-views')[0][0].clone().json();
    expect(posted).toEqual({ entityType: 'customer', name: 'Stale', filters: { noFollowUpDays: 30, sort: 'lastFollowUpAt' }, columns: ['name'] });
    await views.save('A 级', { filters: { grade: 'B' } as never, sort: 'name', columns: [] });
    expect(api.calls('PATCH /api/v1/saved-views/v1')[0][0].headers.get('If-Match')).toBe('"1"');
    expect(views.views.value.find((v) => v.id === 'v1')).toMatchObject({ sort: 'name', version: 2 });
    await views.remove('v9');
    expect(views.views.value.map((v) => v.id)).toEqual(['v1']);
  });
});
