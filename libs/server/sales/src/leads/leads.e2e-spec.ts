/**
 * Leads (线索) through HTTP on real PostgreSQL: capture with normalisation and duplicate
 * check, ordered assignment rules (first match wins, round-robin across replicas,
 * least-loaded, caps and the queue), manual and queue assignment, conversion into
 * customer + contact in one transaction (exactly once), validation, data scope.
 */
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { DataSource } from 'typeorm';
import { bootSalesApp, salesTestSchema } from '../../test/sales-test-kit';
import { SalesModule } from '../sales.module';

const PASSWORD = 'Lead-pass-12345';
type Auth = Record<string, string>;

describe('leads', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let seq = 0;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; westRep: Auth; westRepId: string; manager: Auth; managerId: string };

  const api = (auth: Auth) => ({
    create: (body: object, query = '') => t.http().post(`/api/v1/leads${query}`).set(auth).send(body),
    list: (query = '') => t.http().get(`/api/v1/leads${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/leads/${id}`).set(auth),
    patch: (id: string, version: number, body: object, query = '') => t.http().patch(`/api/v1/leads/${id}${query}`).set(auth).set('If-Match', `"${version}"`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/leads/${id}`).set(auth),
    restore: (id: string) => t.http().post(`/api/v1/leads/${id}/restore`).set(auth),
    assign: (id: string, ownerId: string) => t.http().post(`/api/v1/leads/${id}/assign`).set(auth).send({ ownerId }),
    assignQueue: () => t.http().post('/api/v1/leads/assign-queue').set(auth),
    convert: (id: string, version: number, body: object = {}, query = '') => t.http().post(`/api/v1/leads/${id}/convert${query}`).set(auth).set('If-Match', `"${version}"`).send(body),
    history: (id: string) => t.http().get(`/api/v1/leads/${id}/history`).set(auth),
    rules: () => t.http().get('/api/v1/assignment-rules').set(auth),
    createRule: (body: object) => t.http().post('/api/v1/assignment-rules').set(auth).send(body),
    patchRule: (id: string, version: number, body: object) => t.http().patch(`/api/v1/assignment-rules/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    deleteRule: (id: string) => t.http().delete(`/api/v1/assignment-rules/${id}`).set(auth),
    reorder: (ids: string[]) => t.http().post('/api/v1/assignment-rules/reorder').set(auth).send({ ids }),
  });
  const post = async (url: string, body: object) => {
    const res = await t.http().post(url).set(admin).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const user = async (name: string, roles: string[], departmentId: string) => (await post('/api/v1/users', { email: `${name}-${++seq}@kehu.test`, name, roles, password: PASSWORD, departmentId })).id as string;
  const loginAs = async (name: string, roles: string[], departmentId: string) => {
    const email = `${name}-${++seq}@kehu.test`;
    const id = (await post('/api/v1/users', { email, name, roles, password: PASSWORD, departmentId })).id as string;
    return { id, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
  };
  /** A team of fresh reps (no open leads yet). */
  const team = async (size: number, departmentId: string) => {
    const members: string[] = [];
    for (let i = 0; i < size; i++) members.push(await user(`member`, ['sales_rep'], departmentId));
    const id = (await post('/api/v1/teams', { name: `Team ${++seq}`, departmentId, memberIds: members })).id as string;
    return { id, members };
  };
  const resetRules = () => ds.query(`DELETE FROM assignment_rules`);
  const rule = async (body: object) => {
    const res = await api(admin).createRule({ name: `Rule ${++seq}`, ...body });
    if (res.status !== 201) throw new Error(`rule ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const capture = async (body: object = {}, auth: Auth = admin) => {
    const res = await api(auth).create({ personName: `线索 ${++seq}`, ...body }, '?allowDuplicate=true');
    if (res.status !== 201) throw new Error(`lead ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const owners = (leads: { ownerId: string | null }[]) => leads.reduce<Record<string, number>>((acc, l) => ({ ...acc, [String(l.ownerId)]: (acc[String(l.ownerId)] ?? 0) + 1 }), {});

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post('/api/v1/departments', { name: '华东' })).id;
    ctx.west = (await post('/api/v1/departments', { name: '西部' })).id;
    const rep = await loginAs('rep', ['sales_rep'], ctx.east);
    const westRep = await loginAs('west', ['sales_rep'], ctx.west);
    const manager = await loginAs('manager', ['sales_manager'], ctx.east);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, westRep: westRep.auth, westRepId: westRep.id, manager: manager.auth, managerId: manager.id });
  });
  afterAll(() => t?.close());

  describe('capture', () => {
    beforeAll(resetRules);

    it('normalises and stores the lead with audit and outbox; the caller may own it', async () => {
      const res = await api(ctx.rep).create({
        personName: '  张　伟 ',
        companyName: '上海云图科技有限公司',
        title: '采购经理',
        phone: '138 1234 5601',
        email: ' Zhang.Wei@YunTu.CN ',
        province: '上海市',
        city: '浦东新区',
        industry: '制造业',
        source: 'exhibition',
        ownerId: ctx.repId,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ personName: '张 伟', phone: '+8613812345601', email: 'zhang.wei@yuntu.cn', status: 'new', ownerId: ctx.repId, departmentId: ctx.east, createdBy: ctx.repId, version: 1, customerId: null });
      const [row] = await ds.query(`SELECT person_name, phone, email, owner_id, department_id, assigned_at IS NOT NULL AS assigned FROM leads WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ person_name: '张 伟', phone: '+8613812345601', email: 'zhang.wei@yuntu.cn', owner_id: ctx.repId, department_id: ctx.east, assigned: true });
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'lead' AND entity_id = $1`, [res.body.id])).toEqual([{ action: 'create' }]);
      expect((await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY type`, [res.body.id])).map((r: { type: string }) => r.type)).toEqual(['lead.assigned', 'lead.created']);
      const got = await api(ctx.rep).get(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(res.body);
    });

    it('answers 409 DUPLICATE_SUSPECTED naming leads, customers and contacts with the same phone or e-mail, unless allowDuplicate', async () => {
      const first = await capture({ phone: '13812345602', ownerId: ctx.repId }, ctx.rep);
      const customer = await post('/api/v1/customers?allowDuplicate=true', { name: '重复客户有限公司', email: 'dup@kehu.test' });
      const dup = await api(ctx.rep).create({ personName: '李四', phone: '+86 138-1234-5602', email: 'DUP@kehu.test' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('DUPLICATE_SUSPECTED');
      expect(dup.body.candidates).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'lead', id: first.id, reasons: ['phone'], phone: '+8613812345602' }),
          // Outside the rep's scope (the admin's customer): contact details withheld.
          expect.objectContaining({ kind: 'customer', id: customer.id, reasons: ['email'], email: null }),
        ]),
      );
      expect((await api(ctx.rep).create({ personName: '李四', phone: '13812345602' }, '?allowDuplicate=true')).status).toBe(201);
      // Editing into someone else's phone is checked too.
      const other = await capture({ ownerId: ctx.repId }, ctx.rep);
      const edit = await api(ctx.rep).patch(other.id, 1, { phone: '13812345602' });
      expect(edit.status).toBe(409);
      expect((await api(ctx.rep).patch(other.id, 1, { phone: '13812345602' }, '?allowDuplicate=true')).status).toBe(200);
    });

    it('validates: unknown field, bad phone, disqualified without a reason, converted by hand → 400 naming the field', async () => {
      const bad = async (body: object) => {
        const res = await api(ctx.rep).create({ personName: '校验', ownerId: ctx.repId, ...body });
        expect(res.status).toBe(400);
        return res.body.errors[0];
      };
      expect((await bad({ ownerName: 'x' })).field).toBe('ownerName');
      expect(await bad({ phone: '12345' })).toMatchObject({ field: 'phone', rule: 'isPhone' });
      expect((await bad({ personName: 'x'.repeat(101) })).field).toBe('personName');
      expect((await bad({ status: 'hot' })).field).toBe('status');
      expect(await bad({ status: 'disqualified' })).toMatchObject({ field: 'disqualifiedReason' });
      expect((await bad({ status: 'converted' })).field).toBe('status');
      expect((await bad({ customFields: { nope: 1 } })).field).toBe('customFields.nope');

      const lead = await capture({ ownerId: ctx.repId }, ctx.rep);
      const noReason = await api(ctx.rep).patch(lead.id, 1, { status: 'disqualified' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('disqualifiedReason');
      const disq = await api(ctx.rep).patch(lead.id, 1, { status: 'disqualified', disqualifiedReason: '预算不足' });
      expect(disq.status).toBe(200);
      expect(disq.body).toMatchObject({ status: 'disqualified', disqualifiedReason: '预算不足', version: 2 });
      // Requalifying clears the reason.
      const back = await api(ctx.rep).patch(lead.id, 2, { status: 'contacted' });
      expect(back.body).toMatchObject({ status: 'contacted', disqualifiedReason: null });
      const stale = await api(ctx.rep).patch(lead.id, 2, { notes: 'stale' });
      expect(stale.status).toBe(412);
      expect((await t.http().patch(`/api/v1/leads/${lead.id}`).set(ctx.rep).send({ notes: 'x' })).status).toBe(428);
      expect((await ds.query(`SELECT notes, version FROM leads WHERE id = $1`, [lead.id]))[0]).toEqual({ notes: null, version: 3 });
    });

    it('stores lead custom fields defined for entity type lead', async () => {
      expect((await post('/api/v1/custom-fields', { entityType: 'lead', key: 'budget', label: '预算', type: 'money' })).key).toBe('budget');
      const lead = await capture({ ownerId: ctx.repId, customFields: { budget: 1234.567 } }, ctx.rep);
      expect(lead.customFields).toEqual({ budget: 1234.57 });
    });

    it('soft-deletes into the recycle bin, restores, and keeps the history', async () => {
      const lead = await capture({ ownerId: ctx.repId }, ctx.rep);
      expect((await api(ctx.manager).remove(lead.id)).status).toBe(204);
      expect((await api(ctx.rep).get(lead.id)).status).toBe(404);
      expect((await api(ctx.manager).list('?deleted=true&limit=200')).body.data.map((l: { id: string }) => l.id)).toContain(lead.id);
      const restored = await api(ctx.manager).restore(lead.id);
      expect(restored.status).toBe(200);
      expect(restored.body.version).toBe(3);
      const history = await api(ctx.rep).history(lead.id);
      expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
      expect((await api(ctx.rep).remove(lead.id)).status).toBe(403);
    });
  });

  describe('assignment rules', () => {
    beforeEach(resetRules);

    it('are an ordered list: create appends, reorder, If-Match on update, delete; 400 naming the missing target field', async () => {
      const a = await rule({ targetType: 'user', targetUserId: ctx.repId });
      const b = await rule({ targetType: 'user', targetUserId: ctx.repId, provinces: [' 上海市 '] });
      expect([a.position, b.position]).toEqual([1, 2]);
      expect(b.provinces).toEqual(['上海市']);
      const reordered = await api(admin).reorder([b.id, a.id]);
      expect(reordered.status).toBe(200);
      expect(reordered.body.data.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual([[b.id, 1], [a.id, 2]]);
      expect((await api(admin).reorder([a.id])).body.errors[0].field).toBe('ids');
      const missing = await api(admin).createRule({ name: 'x', targetType: 'team', targetTeamId: (await team(1, ctx.east)).id });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('strategy');
      expect((await api(admin).createRule({ name: 'x', targetType: 'user' })).body.errors[0].field).toBe('targetUserId');
      const version = (await api(admin).rules()).body.data.find((r: { id: string }) => r.id === a.id).version;
      expect((await api(admin).patchRule(a.id, version, { maxOpenLeads: 5, sources: ['web_form'] })).body).toMatchObject({ maxOpenLeads: 5, sources: ['web_form'] });
      expect((await api(admin).patchRule(a.id, version, { maxOpenLeads: 6 })).status).toBe(412);
      expect((await api(admin).deleteRule(a.id)).status).toBe(204);
      expect((await api(admin).rules()).body.data.map((r: { id: string }) => r.id)).toEqual([b.id]);
      expect((await api(ctx.manager).rules()).status).toBe(403);
    });

    it('first matching rule wins, in list order; an explicit owner skips the rules', async () => {
      const [u1, u2, u3] = [await user('u1', ['sales_rep'], ctx.east), await user('u2', ['sales_rep'], ctx.east), await user('u3', ['sales_rep'], ctx.west)];
      const shanghai = await rule({ provinces: ['上海市'], targetType: 'user', targetUserId: u1 });
      const web = await rule({ sources: ['web_form'], targetType: 'user', targetUserId: u2 });
      const rest = await rule({ targetType: 'user', targetUserId: u3 });
      expect(await capture({ province: '上海市', source: 'web_form' })).toMatchObject({ ownerId: u1, assignmentRuleId: shanghai.id, departmentId: ctx.east });
      expect(await capture({ province: '江苏省', source: 'web_form' })).toMatchObject({ ownerId: u2, assignmentRuleId: web.id });
      expect(await capture({ province: '江苏省', source: 'referral' })).toMatchObject({ ownerId: u3, assignmentRuleId: rest.id, departmentId: ctx.west });
      await api(admin).reorder([web.id, shanghai.id, rest.id]);
      expect(await capture({ province: '上海市', source: 'web_form' })).toMatchObject({ ownerId: u2, assignmentRuleId: web.id });
      expect(await capture({ province: '上海市', ownerId: u3 })).toMatchObject({ ownerId: u3, assignmentRuleId: null });
      // An inactive rule is skipped.
      await api(admin).patchRule(web.id, 2, { active: false });
      expect(await capture({ province: '上海市', source: 'web_form' })).toMatchObject({ ownerId: u1 });
    });

    it('round-robin takes turns across sequential captures, and across 10 concurrent captures on two API replicas', async () => {
      const { id: teamId, members } = await team(3, ctx.east);
      const rr = await rule({ campaignIds: ['5f0c6a3e-0000-4000-8000-000000000001'], targetType: 'team', targetTeamId: teamId, strategy: 'round_robin' });
      const campaign = { campaignId: '5f0c6a3e-0000-4000-8000-000000000001' };
      const sequential = [];
      for (let i = 0; i < 9; i++) sequential.push(await capture(campaign));
      expect(Object.values(owners(sequential))).toEqual([3, 3, 3]);
      // Strict turns: each window of three has every member once.
      for (let i = 0; i < 9; i += 3) expect(new Set(sequential.slice(i, i + 3).map((l) => l.ownerId)).size).toBe(3);
      expect(Object.keys(owners(sequential)).sort()).toEqual([...members].sort());

      const replica = await createTestApp({ imports: [IdentityModule, CustomersModule, SalesModule], schema: salesTestSchema, database: t.db });
      try {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? replica : t).http().post('/api/v1/leads?allowDuplicate=true').set(admin).send({ personName: `并发 ${i}`, ...campaign })),
        );
        expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
        const ids = results.map((r) => r.body.id);
        const stored: { owner_id: string }[] = await ds.query(`SELECT owner_id FROM leads WHERE id = ANY($1)`, [ids]);
        expect(stored).toHaveLength(10);
        const counts = Object.values(owners(stored.map((r) => ({ ownerId: r.owner_id }))));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
        expect(counts).toHaveLength(3);
        for (const n of counts) expect(Math.abs(n - 10 / 3)).toBeLessThanOrEqual(1);
        // Exactly one assignment event per lead.
        expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'lead.assigned' AND aggregate_id = ANY($1)`, [ids]))[0].n).toBe(10);
        expect((await ds.query(`SELECT rr_cursor FROM assignment_rules WHERE id = $1`, [rr.id]))[0].rr_cursor).toBe('19');
      } finally {
        await replica.close();
      }
    });

    it('least-loaded gives each lead to the member with the fewest open leads', async () => {
      const { id: teamId, members } = await team(3, ctx.east);
      const [m1, m2, m3] = members;
      for (const [owner, n] of [[m1, 2], [m2, 1]] as const) for (let i = 0; i < n; i++) await capture({ ownerId: owner });
      // A disqualified lead is not open work.
      await capture({ ownerId: m3, status: 'disqualified', disqualifiedReason: '无效' });
      await rule({ industries: ['物流'], targetType: 'team', targetTeamId: teamId, strategy: 'least_loaded' });
      const first = await capture({ industry: '物流' });
      expect(first.ownerId).toBe(m3);
      const next = [await capture({ industry: '物流' }), await capture({ industry: '物流' })];
      expect(next.map((l) => l.ownerId).sort()).toEqual([m2, m3].sort());
      const loads: { owner_id: string; n: number }[] = await ds.query(`SELECT owner_id, count(*)::int AS n FROM leads WHERE owner_id = ANY($1) AND status IN ('new','contacted','qualified') GROUP BY owner_id`, [members]);
      expect(loads.map((l) => l.n)).toEqual([2, 2, 2]);
    });

    it('a user at the cap is skipped; when nobody fits the lead waits in the queue of the rule target department, and assign-queue re-runs the rules', async () => {
      const { id: teamId, members } = await team(2, ctx.east);
      const capped = await rule({ industries: ['教育'], targetType: 'team', targetTeamId: teamId, strategy: 'round_robin', maxOpenLeads: 1 });
      const a = await capture({ industry: '教育' });
      const b = await capture({ industry: '教育' });
      expect([a.ownerId, b.ownerId].sort()).toEqual([...members].sort());
      const queued = await capture({ industry: '教育' });
      expect(queued).toMatchObject({ ownerId: null, departmentId: ctx.east, assignmentRuleId: capped.id, assignedAt: null });
      // The department manager sees the queue; a rep (own scope) does not.
      expect((await api(ctx.manager).list('?unassigned=true&limit=200')).body.data.map((l: { id: string }) => l.id)).toContain(queued.id);
      expect((await api(ctx.rep).list('?limit=200')).body.data.map((l: { id: string }) => l.id)).not.toContain(queued.id);
      expect((await api(ctx.rep).get(queued.id)).status).toBe(404);
      // Nothing changes while everyone is at the cap…
      expect((await api(ctx.manager).assignQueue()).body).toMatchObject({ assigned: 0 });
      // …until a member's lead is no longer open.
      await api(admin).patch(a.id, 1, { status: 'disqualified', disqualifiedReason: '重复' });
      const run = await api(ctx.manager).assignQueue();
      expect(run.status).toBe(200);
      expect(run.body.assigned).toBe(1);
      const [row] = await ds.query(`SELECT owner_id, assigned_at IS NOT NULL AS assigned, version FROM leads WHERE id = $1`, [queued.id]);
      expect(row).toEqual({ owner_id: a.ownerId, assigned: true, version: 2 });
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [queued.id])).toEqual([{ action: 'create' }, { action: 'assign' }]);
      expect((await api(ctx.rep).assignQueue()).status).toBe(403);
    });

    it('no matching rule: the lead waits (without department: only all scope sees it) until a rule exists and the queue is re-run', async () => {
      const lead = await capture({ industry: '农业' });
      expect(lead).toMatchObject({ ownerId: null, departmentId: null, assignmentRuleId: null });
      expect((await api(ctx.manager).get(lead.id)).status).toBe(404);
      const target = await user('farmer', ['sales_rep'], ctx.west);
      await rule({ industries: ['农业'], targetType: 'user', targetUserId: target });
      expect((await api(ctx.manager).assignQueue()).body.assigned).toBe(0); // not in the manager's scope
      const run = await api(admin).assignQueue();
      expect(run.body.assigned).toBeGreaterThanOrEqual(1);
      expect((await ds.query(`SELECT owner_id, department_id FROM leads WHERE id = $1`, [lead.id]))[0]).toEqual({ owner_id: target, department_id: ctx.west });
    });

    it('assigns by hand (sales.lead.assign): the lead follows the owner into their department', async () => {
      const lead = await capture({ ownerId: ctx.repId });
      const res = await api(ctx.manager).assign(lead.id, ctx.westRepId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ownerId: ctx.westRepId, departmentId: ctx.west, version: 2 });
      expect((await api(ctx.rep).get(lead.id)).status).toBe(404);
      expect((await api(ctx.westRep).get(lead.id)).status).toBe(200);
      // Now outside the east manager's scope.
      expect((await api(ctx.manager).assign(lead.id, ctx.repId)).status).toBe(404);
      expect((await api(ctx.rep).assign(lead.id, ctx.repId)).status).toBe(403);
      expect((await api(admin).assign(lead.id, '00000000-0000-4000-8000-000000000000')).body.errors[0].field).toBe('ownerId');
    });
  });

  describe('convert', () => {
    beforeAll(resetRules);
    const companyLead = (company: string, extra: object = {}) =>
      capture({ personName: '王芳', companyName: company, title: '总经理', phone: `139${String(++seq).padStart(8, '0')}`, email: `wang${seq}@example.cn`, province: '江苏省', city: '苏州市', industry: '制造业', source: 'web_form', ownerId: ctx.repId, ...extra }, ctx.rep);

    it('creates the customer, the contact and the opportunity from the lead and marks it converted, in one transaction', async () => {
      const lead = await companyLead('苏州明达精密机械有限公司');
      const res = await api(ctx.rep).convert(lead.id, 1, { createOpportunity: { name: '年度采购', amount: 50000 } });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      const { customerId, contactId, opportunityId } = res.body;
      expect(opportunityId).toEqual(expect.any(String));
      expect(res.body).toMatchObject({ customerCreated: true, lead: { id: lead.id, status: 'converted', customerId, contactId, opportunityId, version: 2 } });
      const [opportunity] = await ds.query(`SELECT customer_id, contact_id, lead_id, name, amount::float AS amount, owner_id FROM opportunities WHERE id = $1`, [opportunityId]);
      expect(opportunity).toEqual({ customer_id: customerId, contact_id: contactId, lead_id: lead.id, name: '年度采购', amount: 50000, owner_id: ctx.repId });
      const [customer] = await ds.query(`SELECT name, kind, phone, email, province, city, industry, source, owner_id, department_id, created_by FROM customers WHERE id = $1`, [customerId]);
      expect(customer).toEqual({ name: '苏州明达精密机械有限公司', kind: 'company', phone: lead.phone, email: lead.email, province: '江苏省', city: '苏州市', industry: '制造业', source: 'web_form', owner_id: ctx.repId, department_id: ctx.east, created_by: ctx.repId });
      const [contact] = await ds.query(`SELECT k.customer_id, k.name, k.title, k.phones, k.emails, k.is_primary, c.owner_id FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = $1`, [contactId]);
      expect(contact).toEqual({ customer_id: customerId, name: '王芳', title: '总经理', phones: [lead.phone], emails: [lead.email], is_primary: true, owner_id: ctx.repId });
      const [row] = await ds.query(`SELECT status, customer_id, contact_id, opportunity_id, converted_at IS NOT NULL AS converted FROM leads WHERE id = $1`, [lead.id]);
      expect(row).toEqual({ status: 'converted', customer_id: customerId, contact_id: contactId, opportunity_id: opportunityId, converted: true });
      expect(await ds.query(`SELECT type FROM outbox_events WHERE type = 'lead.converted' AND aggregate_id = $1`, [lead.id])).toHaveLength(1);
      expect((await api(ctx.rep).history(lead.id)).body.data[0].action).toBe('convert');
      // The customer is the rep's now; a converted lead is read-only.
      expect((await t.http().get(`/api/v1/customers/${customerId}`).set(ctx.rep)).status).toBe(200);
      expect((await api(ctx.rep).patch(lead.id, 2, { notes: 'x' })).status).toBe(409);
    });

    it('links an existing customer instead (no new customer; the contact is not made primary)', async () => {
      const existing = await post('/api/v1/customers?allowDuplicate=true', { name: '已有客户集团', ownerId: ctx.repId });
      const lead = await companyLead('已有客户集团');
      const before = (await ds.query(`SELECT count(*)::int AS n FROM customers`))[0].n;
      const res = await api(ctx.rep).convert(lead.id, 1, { customerId: existing.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ customerId: existing.id, customerCreated: false });
      expect((await ds.query(`SELECT count(*)::int AS n FROM customers`))[0].n).toBe(before);
      expect((await ds.query(`SELECT customer_id, is_primary FROM contacts WHERE id = $1`, [res.body.contactId]))[0]).toEqual({ customer_id: existing.id, is_primary: false });
      // A customer the caller cannot see is 400 naming customerId.
      const hidden = await post('/api/v1/customers?allowDuplicate=true', { name: '西部隐藏客户', ownerId: ctx.westRepId });
      const other = await companyLead('别的公司');
      const bad = await api(ctx.rep).convert(other.id, 1, { customerId: hidden.id });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('customerId');
    });

    it('answers 409 DUPLICATE_SUSPECTED with customer candidates and creates nothing; allowDuplicate creates anyway', async () => {
      const existing = await post('/api/v1/customers?allowDuplicate=true', { name: '杭州海纳电子商务有限公司', ownerId: ctx.repId });
      const lead = await companyLead('海纳电子商务(杭州)有限公司');
      const res = await api(ctx.rep).convert(lead.id, 1);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE_SUSPECTED');
      expect(res.body.candidates.map((c: { id: string }) => c.id)).toContain(existing.id);
      expect((await ds.query(`SELECT status, version FROM leads WHERE id = $1`, [lead.id]))[0]).toEqual({ status: 'new', version: 1 });
      expect(await ds.query(`SELECT id FROM contacts WHERE name = '王芳' AND $1 = ANY(phones)`, [lead.phone])).toEqual([]);
      const forced = await api(ctx.rep).convert(lead.id, 1, {}, '?allowDuplicate=true');
      expect(forced.status).toBe(200);
      expect(forced.body.customerId).not.toBe(existing.id);
    });

    it('converting twice answers 409 LEAD_ALREADY_CONVERTED with the first conversion ids', async () => {
      const lead = await companyLead('两次转化测试有限公司');
      const first = await api(ctx.rep).convert(lead.id, 1);
      expect(first.status).toBe(200);
      const second = await api(ctx.rep).convert(lead.id, 2);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'LEAD_ALREADY_CONVERTED', customerId: first.body.customerId, contactId: first.body.contactId, opportunityId: null, convertedAt: first.body.convertedAt });
      // Even with the old If-Match, the answer is the conversion, not 412.
      expect((await api(ctx.rep).convert(lead.id, 1)).body.code).toBe('LEAD_ALREADY_CONVERTED');
    });

    it('two concurrent conversions yield exactly one customer and contact', async () => {
      const lead = await companyLead('并发转化测试有限公司');
      const [a, b] = await Promise.all([api(ctx.rep).convert(lead.id, 1), api(ctx.manager).convert(lead.id, 1)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.body).toMatchObject({ code: 'LEAD_ALREADY_CONVERTED', customerId: winner.body.customerId, contactId: winner.body.contactId });
      expect(await ds.query(`SELECT id FROM customers WHERE name = '并发转化测试有限公司'`)).toEqual([{ id: winner.body.customerId }]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM contacts WHERE customer_id = $1`, [winner.body.customerId]))[0].n).toBe(1);
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'lead.converted' AND aggregate_id = $1`, [lead.id]))[0].n).toBe(1);
    });

    it('converts a lead without company into an individual customer; refuses stale If-Match, a bad opportunity (rolling back everything) and disqualified leads', async () => {
      const person = await capture({ personName: '赵六', phone: '13900001111', ownerId: ctx.repId }, ctx.rep);
      expect((await api(ctx.rep).convert(person.id, 5)).status).toBe(412);
      const noName = await api(ctx.rep).convert(person.id, 1, { createOpportunity: { amount: 1 } });
      expect(noName.status).toBe(400);
      expect(noName.body.errors[0].field).toBe('createOpportunity.name');
      const badPipeline = await api(ctx.rep).convert(person.id, 1, { createOpportunity: { name: '首单', amount: -1 } });
      expect(badPipeline.status).toBe(400);
      expect(badPipeline.body.errors[0].field).toMatch(/^createOpportunity\./);
      expect(await ds.query(`SELECT id FROM customers WHERE name = '赵六'`)).toEqual([]);
      const ok = await api(ctx.rep).convert(person.id, 1);
      expect(ok.status).toBe(200);
      expect((await ds.query(`SELECT name, kind FROM customers WHERE id = $1`, [ok.body.customerId]))[0]).toEqual({ name: '赵六', kind: 'individual' });
      const disq = await capture({ ownerId: ctx.repId, status: 'disqualified', disqualifiedReason: '空号' }, ctx.rep);
      expect((await api(ctx.rep).convert(disq.id, 1)).status).toBe(409);
    });
  });

  describe('data scope', () => {
    it("another department's lead is 404 for get, update, delete, assign and convert, and never listed", async () => {
      const west = await capture({ personName: '西部线索', ownerId: ctx.westRepId });
      const east = await capture({ personName: '华东线索', ownerId: ctx.repId });
      for (const auth of [ctx.rep, ctx.manager]) {
        expect((await api(auth).get(west.id)).status).toBe(404);
        expect((await api(auth).patch(west.id, 1, { notes: 'x' })).status).toBe(404);
        expect((await api(auth).convert(west.id, 1)).status).toBe(404);
        expect((await api(auth).history(west.id)).status).toBe(404);
        const listed = (await api(auth).list('?limit=200&count=true')).body;
        expect(listed.data.map((l: { id: string }) => l.id)).not.toContain(west.id);
        expect(listed.data.every((l: { departmentId: string | null }) => l.departmentId === ctx.east)).toBe(true);
        expect((await api(auth).list(`?q=${encodeURIComponent('西部线索')}`)).body.data).toEqual([]);
      }
      expect((await api(ctx.manager).remove(west.id)).status).toBe(404);
      expect((await api(ctx.manager).assign(west.id, ctx.repId)).status).toBe(404);
      expect((await api(ctx.manager).get(east.id)).status).toBe(200);
      expect((await ds.query(`SELECT version, deleted_at FROM leads WHERE id = $1`, [west.id]))[0]).toEqual({ version: 1, deleted_at: null });
    });

    it('lists with filters, sorts and keyset paging', async () => {
      const campaignId = '5f0c6a3e-0000-4000-8000-0000000000aa';
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await capture({ personName: `筛选 ${i}`, campaignId, province: '浙江省', ownerId: ctx.repId }, ctx.rep));
      const page1 = await api(ctx.rep).list(`?campaignId=${campaignId}&limit=2&sort=name`);
      expect(page1.body.data.map((l: { personName: string }) => l.personName)).toEqual(['筛选 0', '筛选 1']);
      const page2 = await api(ctx.rep).list(`?campaignId=${campaignId}&limit=2&sort=name&cursor=${page1.body.nextCursor}`);
      expect(page2.body.data.map((l: { personName: string }) => l.personName)).toEqual(['筛选 2', '筛选 3']);
      const newest = await api(ctx.rep).list(`?campaignId=${campaignId}&province=${encodeURIComponent('浙江省')}&status=new&ownerId=${ctx.repId}&limit=1`);
      expect(newest.body.data[0].id).toBe(made[4].id);
      const byUpdate = await api(ctx.rep).list(`?campaignId=${campaignId}&sort=-updatedAt&limit=2`);
      expect(byUpdate.status).toBe(200);
      const byPhone = await api(ctx.rep).list(`?q=${encodeURIComponent('138 1234 5601')}`);
      expect(byPhone.body.data.map((l: { phone: string }) => l.phone)).toEqual(['+8613812345601']);
      expect((await api(ctx.rep).list('?sort=owner')).body.errors[0].field).toBe('sort');
    });
  });
});
