import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { coreEntities } from '@kehu/server-core';
import { IdentityModule } from '@kehu/server-identity';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { customersTestSchema } from '../../test/customers-test-kit';
import { CustomersModule } from '../customers.module';
import { CustomerMergeRegistry } from './customer-merge.registry';

const PASSWORD = 'Rep-pass-12345';

/** Stands in for another module's records (activities, orders …) that a merge must move. */
@Injectable()
class NotesMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}
  onModuleInit() {
    this.registry.register('notes', async (m, winnerId, loserIds) => {
      const [, count] = await m.query(`UPDATE test_notes SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return count;
    });
  }
}

@Module({ imports: [CustomersModule], providers: [NotesMover] })
class NotesModule {}

describe('customer merge, duplicate pairs and data quality', () => {
  let t: TestApp;
  let ds: DataSource;
  let manager: Record<string, string>;
  let rep: Record<string, string>;
  let repId: string;

  beforeAll(async () => {
    void coreEntities;
    t = await createTestApp({ imports: [IdentityModule, CustomersModule, NotesModule], schema: customersTestSchema });
    ds = t.app.get(DataSource);
    await ds.query(`CREATE TABLE test_notes (id serial PRIMARY KEY, customer_id uuid NOT NULL)`);
    const admin = { Authorization: `Bearer ${await t.login()}` };
    const dept = (await t.http().post('/api/v1/departments').set(admin).send({ name: 'Sales' })).body.id;
    const user = async (email: string, role: string) => {
      const u = (await t.http().post('/api/v1/users').set(admin).send({ email, name: email, roles: [role], password: PASSWORD, departmentId: dept })).body;
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    manager = (await user('m@kehu.test', 'sales_manager')).auth;
    const r = await user('r@kehu.test', 'sales_rep');
    rep = r.auth;
    repId = r.id;
  });
  afterAll(() => t?.close());

  const create = async (body: object) => {
    const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(manager).send({ ownerId: repId, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  it('lists duplicate pairs with reasons, paged', async () => {
    const a = await create({ name: '北京字节跳动科技有限公司', phone: '13800000001' });
    const b = await create({ name: '字节跳动(北京)' });
    const c = await create({ name: 'Other Name Ltd', phone: '138 0000 0001' });
    const pairs = (await t.http().get('/api/v1/customers/duplicates?limit=200').set(manager)).body.data;
    const find = (x: string, y: string) => pairs.find((p: { firstId: string; secondId: string }) => [p.firstId, p.secondId].sort().join() === [x, y].sort().join());
    expect(find(a.id, b.id).reasons).toEqual(['nameKey']);
    expect(find(a.id, c.id).reasons).toEqual(['phone']);
    expect(find(b.id, c.id)).toBeUndefined();
    const first = (await t.http().get('/api/v1/customers/duplicates?limit=1').set(manager)).body;
    const second = (await t.http().get(`/api/v1/customers/duplicates?limit=1&cursor=${first.nextCursor}`).set(manager)).body;
    expect(second.data[0]).not.toEqual(first.data[0]);
  });

  it('reports data quality within the caller\'s scope', async () => {
    const report = (await t.http().get('/api/v1/customers/data-quality').set(manager)).body;
    expect(report).toMatchObject({ customers: 3, missingPhone: 1, missingEmail: 3, missingIndustry: 3, inDuplicateGroups: 3, staleDays: 90, stale: 0 });
    expect(Object.values(report.completenessBands).reduce((a: number, b) => a + (b as number), 0)).toBe(3);
  });

  it('merges field by field, moves related records, keeps tags and the latest follow-up, and audits everything', async () => {
    const winner = await create({ name: '上海合并测试有限公司', tags: ['A'] });
    const loser = await create({ name: '合并测试(上海)', phone: '13900000002', industry: '制造', tags: ['B'] });
    await ds.query(`UPDATE customers SET last_follow_up_at = '2026-11-01T00:00:00Z' WHERE id = $1`, [loser.id]);
    await ds.query(`INSERT INTO test_notes (customer_id) VALUES ($1), ($1)`, [loser.id]);
    const body = { loserIds: [loser.id], fields: { phone: loser.id, industry: loser.id } };
    expect((await t.http().post(`/api/v1/customers/${winner.id}/merge`).set(rep).set('If-Match', '"1"').send(body)).status).toBe(403);
    const res = await t.http().post(`/api/v1/customers/${winner.id}/merge`).set(manager).set('If-Match', '"1"').send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ winnerId: winner.id, mergedIds: [loser.id], moved: expect.objectContaining({ notes: 2, contacts: 0 }) });
    const merged = (await t.http().get(`/api/v1/customers/${winner.id}`).set(manager)).body;
    expect(merged).toMatchObject({ name: '上海合并测试有限公司', phone: '+8613900000002', industry: '制造', lastFollowUpAt: '2026-11-01T00:00:00.000Z', version: 2 });
    expect(merged.tags.sort()).toEqual(['A', 'B']);
    expect((await t.http().get(`/api/v1/customers/${loser.id}`).set(manager)).status).toBe(404);
    expect(await ds.query(`SELECT merged_into_id, deleted_at IS NOT NULL AS deleted FROM customers WHERE id = $1`, [loser.id])).toEqual([{ merged_into_id: winner.id, deleted: true }]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM test_notes WHERE customer_id = $1`, [winner.id]))[0].n).toBe(2);
    expect((await ds.query(`SELECT action FROM audit_events WHERE entity_id = ANY($1) AND action LIKE 'merge%' ORDER BY id`, [[winner.id, loser.id]])).map((r: { action: string }) => r.action)).toEqual(['merge', 'merged']);
    // A merged record cannot be restored on its own: it lives on in the winner.
    expect((await t.http().post(`/api/v1/customers/${loser.id}/restore`).set(manager)).status).toBe(404);
  });

  it('refuses bad merges without changing anything', async () => {
    const w = await create({ name: 'Merge Guard One' });
    const l = await create({ name: 'Merge Guard Two' });
    const post = (body: object, version = '"1"') => t.http().post(`/api/v1/customers/${w.id}/merge`).set(manager).set('If-Match', version).send(body);
    expect((await post({ loserIds: [w.id] })).body.errors[0].field).toBe('loserIds');
    expect((await post({ loserIds: [l.id], fields: { name: '00000000-0000-4000-8000-000000000000' } })).body.errors[0].field).toBe('fields.name');
    expect((await post({ loserIds: [l.id], fields: { passwordHash: l.id } })).body.errors[0].field).toBe('fields.passwordHash');
    expect((await post({ loserIds: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(404);
    expect((await post({ loserIds: [l.id] }, '"9"')).status).toBe(412);
    expect(await ds.query(`SELECT deleted_at FROM customers WHERE id = $1`, [l.id])).toEqual([{ deleted_at: null }]);
  });

  it('lets only one of two concurrent merges of the same loser succeed', async () => {
    const w1 = await create({ name: 'Race Winner One' });
    const w2 = await create({ name: 'Race Winner Two' });
    const l = await create({ name: 'Race Loser' });
    const [a, b] = await Promise.all([
      t.http().post(`/api/v1/customers/${w1.id}/merge`).set(manager).set('If-Match', '"1"').send({ loserIds: [l.id] }),
      t.http().post(`/api/v1/customers/${w2.id}/merge`).set(manager).set('If-Match', '"1"').send({ loserIds: [l.id] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'merged' AND entity_id = $1`, [l.id]))[0].n).toBe(1);
  });
});
