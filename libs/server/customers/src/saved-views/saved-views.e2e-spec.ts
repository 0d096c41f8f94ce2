import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootCustomersApp } from '../../test/customers-test-kit';

const PASSWORD = 'Rep-pass-12345';

describe('saved views', () => {
  let t: TestApp;
  const auth: Record<string, { Authorization: string }> = {};
  let teamId: string;

  beforeAll(async () => {
    t = await bootCustomersApp();
    const admin = { Authorization: `Bearer ${await t.login()}` };
    const post = async (url: string, body: object) => (await t.http().post(url).set(admin).send(body)).body;
    const dept = (await post('/api/v1/departments', { name: 'Sales' })).id;
    const ids: Record<string, string> = {};
    for (const who of ['ann', 'ben', 'cat']) {
      ids[who] = (await post('/api/v1/users', { email: `${who}@kehu.test`, name: who, roles: ['sales_rep'], password: PASSWORD, departmentId: dept })).id;
      auth[who] = { Authorization: `Bearer ${await t.login(`${who}@kehu.test`, PASSWORD)}` };
    }
    teamId = (await post('/api/v1/teams', { name: 'A team', departmentId: dept, memberIds: [ids.ann, ids.ben] })).id;
  });
  afterAll(() => t?.close());

  const create = (who: string, body: object) => t.http().post('/api/v1/saved-views').set(auth[who]).send({ entityType: 'customer', columns: ['name', 'grade'], filters: { grade: 'A' }, ...body });
  const list = async (who: string) => (await t.http().get('/api/v1/saved-views?entityType=customer').set(auth[who])).body as { name: string; mine: boolean; id: string }[];

  it('keeps views private unless shared with a team the owner belongs to', async () => {
    expect((await create('ann', { name: 'My A customers' })).status).toBe(201);
    const shared = await create('ann', { name: 'Team stale', filters: { noFollowUpDays: 30 }, sharedWithTeamId: teamId });
    expect(shared.body).toMatchObject({ sharedWithTeamId: teamId, mine: true, filters: { noFollowUpDays: 30 } });
    expect((await list('ann')).map((v) => v.name)).toEqual(['My A customers', 'Team stale']);
    expect(await list('ben')).toEqual([expect.objectContaining({ name: 'Team stale', mine: false })]);
    expect(await list('cat')).toEqual([]);
    expect((await create('cat', { name: 'Sneaky', sharedWithTeamId: teamId })).body.errors[0].field).toBe('sharedWithTeamId');
  });

  it('lets only the owner change or delete a view', async () => {
    const view = (await list('ben'))[0];
    expect((await t.http().patch(`/api/v1/saved-views/${view.id}`).set(auth.ben).set('If-Match', '"1"').send({ name: 'Mine now' })).status).toBe(404);
    expect((await t.http().delete(`/api/v1/saved-views/${view.id}`).set(auth.ben)).status).toBe(404);
    const renamed = await t.http().patch(`/api/v1/saved-views/${view.id}`).set(auth.ann).set('If-Match', '"1"').send({ name: 'Team: stale 30d', sharedWithTeamId: null });
    expect(renamed.body).toMatchObject({ name: 'Team: stale 30d', sharedWithTeamId: null, version: 2 });
    expect(await list('ben')).toEqual([]);
    expect((await t.http().delete(`/api/v1/saved-views/${view.id}`).set(auth.ann)).status).toBe(204);
    expect((await t.app.get(DataSource).query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [view.id])).map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('validates the body', async () => {
    expect((await create('ann', { name: 'x', entityType: 'planet' })).body.errors[0].field).toBe('entityType');
    expect((await create('ann', { name: 'x', columns: Array(51).fill('c') })).body.errors[0].field).toBe('columns');
    expect((await create('ann', { name: 'x', filters: 'grade=A' })).body.errors[0].field).toBe('filters');
  });
});
