/**
 * Web forms (Web 表单) through HTTP on real PostgreSQL: admins and marketing manage forms;
 * visitors submit them without an account (JSON or a plain HTML form post) and each
 * submission becomes a lead with the form's attribution, owner handling and consents.
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Webform-pass-123';
type Auth = Record<string, string>;

describe('web forms', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let seq = 0;
  const ctx = {} as { east: string; rep: Auth; repId: string; marketing: Auth; ownerId: string; campaignId: string };

  const post = async (url: string, body: object, auth: Auth = admin) => {
    const res = await t.http().post(url).set(auth).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const loginAs = async (name: string, roles: string[]) => {
    const email = `${name}-${++seq}@kehu.test`;
    const id = (await post('/api/v1/users', { email, name, roles, password: PASSWORD, departmentId: ctx.east })).id as string;
    return { id, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
  };
  const baseFields = [
    { key: 'personName', required: true },
    { key: 'companyName', required: false },
    { key: 'phone', required: false },
    { key: 'email', required: true },
    { key: 'notes', required: false },
  ];
  const form = async (body: object = {}) => post('/api/v1/web-forms', { name: `表单 ${++seq}`, fields: baseFields, ...body });
  /** Every visitor its own address (TRUST_PROXY is on), so the per-IP limit only bites where a test means it to. */
  const visitor = () => `198.51.100.${++seq % 250}`;
  /** JSON for an object, a plain HTML form post (form-encoded) for a string. */
  const submit = (key: string, body: object | string, ip = visitor()) => {
    const req = t.http().post(`/api/v1/public/web-forms/${key}/submissions`).set('X-Forwarded-For', ip);
    return typeof body === 'string' ? req.type('form').send(body) : req.send(body);
  };
  const leadsOf = async (formId: string) => (await t.http().get(`/api/v1/leads?webFormId=${formId}`).set(admin)).body.data as Record<string, unknown>[];

  beforeAll(async () => {
    t = await bootSalesApp({ TRUST_PROXY: 'true', CORS_ORIGINS: 'https://portal.example.com' });
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post('/api/v1/departments', { name: '华东' })).id;
    const rep = await loginAs('rep', ['sales_rep']);
    ctx.rep = rep.auth;
    ctx.repId = rep.id;
    ctx.marketing = (await loginAs('marketing', ['marketing'])).auth;
    ctx.ownerId = (await loginAs('owner', ['sales_rep'])).id;
    ctx.campaignId = '3f0c1c8e-2f4a-4c55-9a51-0d6f1b2a9c11';
  });
  afterAll(() => t?.close());

  describe('managing forms', () => {
    it('creates, reads, updates with If-Match, and soft-deletes a form; marketing may, a rep may not', async () => {
      const created = await form({ consentText: '同意接收资讯', consentChannels: ['email'], allowedOrigins: ['https://www.Example.com'] });
      expect(created).toMatchObject({ enabled: true, source: 'web_form', ownerMode: 'rules', consentChannels: ['email'], allowedOrigins: ['https://www.example.com'], submissionCount: 0, version: 1 });
      expect(created.publicKey).toMatch(/^[\w-]{24}$/);

      const got = await t.http().get(`/api/v1/web-forms/${created.id}`).set(ctx.marketing).expect(200);
      expect(got.headers.etag).toBe('"1"');
      const patched = await t.http().patch(`/api/v1/web-forms/${created.id}`).set(ctx.marketing).set('If-Match', '"1"').send({ name: '展会登记', successMessage: '谢谢!' }).expect(200);
      expect(patched.body).toMatchObject({ name: '展会登记', successMessage: '谢谢!', version: 2 });
      const stale = await t.http().patch(`/api/v1/web-forms/${created.id}`).set(admin).set('If-Match', '"1"').send({ name: 'stale' });
      expect(stale.status).toBe(412);
      expect((await t.http().get(`/api/v1/web-forms/${created.id}`).set(admin)).body.name).toBe('展会登记');

      const regenerated = await t.http().post(`/api/v1/web-forms/${created.id}/regenerate-key`).set(admin).set('If-Match', '"2"').expect(200);
      expect(regenerated.body.publicKey).not.toBe(created.publicKey);
      expect((await t.http().get(`/api/v1/public/web-forms/${created.publicKey}`)).status).toBe(404);
      expect((await t.http().get(`/api/v1/public/web-forms/${regenerated.body.publicKey}`)).status).toBe(200);

      for (const req of [
        t.http().get('/api/v1/web-forms').set(ctx.rep),
        t.http().post('/api/v1/web-forms').set(ctx.rep).send({ name: 'x', fields: baseFields }),
        t.http().patch(`/api/v1/web-forms/${created.id}`).set(ctx.rep).set('If-Match', '"3"').send({ name: 'x' }),
        t.http().delete(`/api/v1/web-forms/${created.id}`).set(ctx.rep),
      ]) {
        const res = await req;
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }

      await t.http().delete(`/api/v1/web-forms/${created.id}`).set(admin).expect(204);
      expect((await t.http().get(`/api/v1/web-forms/${created.id}`).set(admin)).status).toBe(404);
      expect((await t.http().get(`/api/v1/public/web-forms/${regenerated.body.publicKey}`)).status).toBe(404);
      const bin = (await t.http().get('/api/v1/web-forms?deleted=true').set(admin)).body.data.map((f: { id: string }) => f.id);
      expect(bin).toContain(created.id);
      const audit = await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'web_form' AND entity_id = $1 ORDER BY id`, [created.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'regenerate-key', 'delete']);
    });

    it('refuses a form without a required person name, a fixed owner missing, consent channels without text, a bad origin', async () => {
      const cases: [object, string][] = [
        [{ fields: [{ key: 'email', required: true }] }, 'fields'],
        [{ ownerMode: 'fixed' }, 'ownerId'],
        [{ consentChannels: ['email'] }, 'consentText'],
        [{ allowedOrigins: ['https://example.com/path'] }, 'allowedOrigins'],
        [{ fields: [{ key: 'personName', required: true }, { key: 'cf.nothing', required: false }] }, 'fields.1.key'],
        [{ fields: [{ key: 'password', required: true }] }, 'fields.0.key'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http().post('/api/v1/web-forms').set(admin).send({ name: 'bad', fields: baseFields, ...body });
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('lists with filters, sort and keyset paging, each form with its submission count', async () => {
      const a = await form({ name: 'zz-list-a' });
      await form({ name: 'zz-list-b', enabled: false });
      await submit(a.publicKey, { personName: '访客', email: `count-${++seq}@example.com` }).expect(201);
      const page1 = await t.http().get('/api/v1/web-forms?q=zz-list&sort=name&limit=1').set(admin).expect(200);
      expect(page1.body.data.map((f: { name: string }) => f.name)).toEqual(['zz-list-a']);
      expect(page1.body.data[0].submissionCount).toBe(1);
      const page2 = await t.http().get(`/api/v1/web-forms?q=zz-list&sort=name&limit=1&cursor=${page1.body.nextCursor}`).set(admin).expect(200);
      expect(page2.body.data.map((f: { name: string }) => f.name)).toEqual(['zz-list-b']);
      const disabled = await t.http().get('/api/v1/web-forms?q=zz-list&enabled=false').set(admin).expect(200);
      expect(disabled.body.data.map((f: { name: string }) => f.name)).toEqual(['zz-list-b']);
    });
  });

  describe('public submissions', () => {
    it('shows the public definition without anything internal', async () => {
      const f = await form({ consentText: '同意接收资讯', consentChannels: ['email'], ownerMode: 'fixed', ownerId: ctx.ownerId, fields: [{ key: 'personName', required: true, label: '您的姓名' }, { key: 'phone', required: false }] });
      const res = await t.http().get(`/api/v1/public/web-forms/${f.publicKey}`).expect(200);
      expect(res.body).toEqual({
        name: f.name,
        fields: [
          { name: 'personName', label: '您的姓名', required: true, type: 'text' },
          { name: 'phone', label: '手机', required: false, type: 'tel' },
        ],
        consentText: '同意接收资讯',
        submitUrl: `/api/v1/public/web-forms/${f.publicKey}/submissions`,
        honeypotField: 'website',
      });
      expect(JSON.stringify(res.body)).not.toContain(ctx.ownerId);
    });

    it('creates a lead from JSON with source, campaign and form, assigned by the rules, audited with no user, with lead.created', async () => {
      await ds.query(`DELETE FROM assignment_rules`);
      await post('/api/v1/assignment-rules', { name: 'Web to rep', sources: ['exhibition'], targetType: 'user', targetUserId: ctx.repId });
      const f = await form({ source: 'exhibition', campaignId: ctx.campaignId, successMessage: '已收到' });
      const res = await submit(f.publicKey, { personName: ' 王芳 ', companyName: '杭州青禾贸易有限公司', phone: '139 1234 5678', email: 'Wang.Fang@Example.com', notes: '想了解报价', utm_source: 'ignored' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ message: '已收到', redirectUrl: null });
      const [lead] = await leadsOf(f.id);
      expect(lead).toMatchObject({ personName: '王芳', phone: '+8613912345678', email: 'wang.fang@example.com', source: 'exhibition', campaignId: ctx.campaignId, webFormId: f.id, ownerId: ctx.repId, status: 'new', createdBy: null, duplicateOfId: null });
      expect(lead.assignmentRuleId).toBeTruthy();
      const [audit] = await ds.query(`SELECT actor_id, changes FROM audit_events WHERE entity_type = 'lead' AND entity_id = $1 AND action = 'create'`, [lead.id]);
      expect(audit.actor_id).toBeNull();
      expect(audit.changes.webFormId.after).toBe(f.id);
      expect(audit.changes.channel.after).toBe('web_form');
      const [event] = await ds.query(`SELECT payload FROM outbox_events WHERE type = 'lead.created' AND aggregate_id = $1`, [lead.id]);
      expect(event.payload).toMatchObject({ channel: 'web_form', webFormId: f.id, source: 'exhibition' });
      await ds.query(`DELETE FROM assignment_rules`);
    });

    it('gives the lead to a fixed owner, or leaves it in the queue, as the form says', async () => {
      const fixed = await form({ ownerMode: 'fixed', ownerId: ctx.ownerId });
      const queue = await form({ ownerMode: 'queue' });
      await post('/api/v1/assignment-rules', { name: 'Catch all', targetType: 'user', targetUserId: ctx.repId });
      await submit(fixed.publicKey, { personName: '固定', email: `fixed-${++seq}@example.com` }).expect(201);
      await submit(queue.publicKey, { personName: '排队', email: `queue-${++seq}@example.com` }).expect(201);
      expect((await leadsOf(fixed.id))[0].ownerId).toBe(ctx.ownerId);
      expect((await leadsOf(queue.id))[0].ownerId).toBeNull();
      await ds.query(`DELETE FROM assignment_rules`);
    });

    it('answers a plain HTML form post with 303 to the redirect URL, or a thank-you page', async () => {
      const redirecting = await form({ redirectUrl: 'https://www.example.com/thanks' });
      const res = await submit(redirecting.publicKey, `personName=${encodeURIComponent('李雷')}&email=li.lei%40example.com&website=`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('https://www.example.com/thanks');
      expect((await leadsOf(redirecting.id))[0]).toMatchObject({ personName: '李雷', email: 'li.lei@example.com' });

      const plain = await form({ successMessage: '感谢 <您> 的留言' });
      const page = await submit(plain.publicKey, 'personName=Han+Meimei&email=han%40example.com');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('感谢 &lt;您&gt; 的留言');
      expect(await leadsOf(plain.id)).toHaveLength(1);
    });

    it('refuses a submission missing a required field with 400 naming it, and creates nothing', async () => {
      const f = await form();
      const res = await submit(f.publicKey, { personName: '缺邮箱', email: '  ' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', rule: 'required' })]);
      const badPhone = await submit(f.publicKey, { personName: '错号', email: 'ok@example.com', phone: 'abc' });
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.errors[0].field).toBe('phone');
      expect(await leadsOf(f.id)).toHaveLength(0);
    });

    it('validates lead custom fields on the form, named as the visitor sent them', async () => {
      await post('/api/v1/custom-fields', { entityType: 'lead', key: 'headcount', label: '员工人数', type: 'number' });
      const f = await form({ fields: [...baseFields, { key: 'cf.headcount', required: false }] });
      expect((await t.http().get(`/api/v1/public/web-forms/${f.publicKey}`)).body.fields.at(-1)).toEqual({ name: 'cf.headcount', label: '员工人数', required: false, type: 'number' });
      const bad = await submit(f.publicKey, { personName: '人数', email: `cf-${++seq}@example.com`, 'cf.headcount': 'many' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('cf.headcount');
      await submit(f.publicKey, `personName=ok&email=cf-${++seq}%40example.com&cf.headcount=120`).expect(200);
      expect((await leadsOf(f.id))[0].customFields).toEqual({ headcount: 120 });
    });

    it('answers 404 for an unknown or disabled form', async () => {
      const f = await form({ enabled: false });
      expect((await submit(f.publicKey, { personName: 'x', email: 'x@example.com' })).status).toBe(404);
      expect((await t.http().get(`/api/v1/public/web-forms/${f.publicKey}`)).status).toBe(404);
      const unknown = await submit('no-such-key-000000000000', { personName: 'x', email: 'x@example.com' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
    });

    it('answers a filled honeypot with the same success and creates nothing', async () => {
      const f = await form({ successMessage: '谢谢' });
      const res = await submit(f.publicKey, { personName: 'Bot', email: 'bot@example.com', website: 'http://spam.example' });
      expect(res.status).toBe(201);
      expect(res.body.message).toBe('谢谢');
      expect(await leadsOf(f.id)).toHaveLength(0);
    });

    it('records the ticked consent on the lead (source web form, time) and carries it to the contact on conversion', async () => {
      const f = await form({ consentText: '我同意接收电子邮件资讯', consentChannels: ['email', 'sms'] });
      const before = Date.now();
      await submit(f.publicKey, { personName: '赵敏', companyName: `赵氏 ${++seq} 有限公司`, email: `zhao-${seq}@example.com`, consent: 'on' }).expect(201);
      await submit(f.publicKey, { personName: '周芷若', email: `zhou-${++seq}@example.com` }).expect(201);
      const leads = await leadsOf(f.id);
      const ticked = leads.find((l) => l.personName === '赵敏')!;
      const history = (await t.http().get(`/api/v1/leads/${ticked.id}/history`).set(admin)).body.data;
      expect(history[0].changes['consents.email'].after).toEqual({ status: 'opted_in', source: 'web form' });
      const untickedHistory = (await t.http().get(`/api/v1/leads/${leads.find((l) => l.personName === '周芷若')!.id}/history`).set(admin)).body.data;
      expect(untickedHistory[0].changes['consents.email']).toBeUndefined();

      const converted = await t.http().post(`/api/v1/leads/${ticked.id}/convert?allowDuplicate=true`).set(admin).set('If-Match', `"${ticked.version}"`).send({}).expect(200);
      const contact = (await t.http().get(`/api/v1/contacts/${converted.body.contactId}`).set(admin)).body;
      const email = contact.consents.find((c: { channel: string }) => c.channel === 'email');
      expect(email).toMatchObject({ status: 'opted_in', source: 'web form' });
      expect(Date.parse(email.changedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(contact.consents.find((c: { channel: string }) => c.channel === 'sms').status).toBe('opted_in');
      expect(contact.consents.find((c: { channel: string }) => c.channel === 'phone').status).toBe('unknown');
    });

    it('creates a second submission with the same e-mail as a lead flagged as duplicate, never 409', async () => {
      const f = await form();
      const email = `twice-${++seq}@example.com`;
      await submit(f.publicKey, { personName: '第一次', email }).expect(201);
      const again = await submit(f.publicKey, { personName: '第二次', email: email.toUpperCase() });
      expect(again.status).toBe(201);
      const leads = await leadsOf(f.id);
      const first = leads.find((l) => l.personName === '第一次')!;
      const second = leads.find((l) => l.personName === '第二次')!;
      expect(first.duplicateOfId).toBeNull();
      expect(second.duplicateOfId).toBe(first.id);
      expect((await t.http().get(`/api/v1/web-forms/${f.id}`).set(admin)).body.submissionCount).toBe(2);
    });

    it('limits submissions per address with 429 and Retry-After', async () => {
      const f = await form();
      const ip = '203.0.113.77';
      // One fixed window for the whole test: a minute boundary must not reset the count halfway.
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2030-01-01T00:00:10Z'));
      for (let i = 0; i < 10; i++) await submit(f.publicKey, { personName: `限流 ${i}`, email: `rate-${++seq}@example.com` }, ip).expect(201);
      const res = await submit(f.publicKey, { personName: '第十一', email: `rate-${++seq}@example.com` }, ip);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBe(50);
      expect(await leadsOf(f.id)).toHaveLength(10);
      // Another visitor is not held back.
      await submit(f.publicKey, { personName: '别人', email: `rate-${++seq}@example.com` }).expect(201);
      clock.mockRestore();
    });

    it('refuses a body over 16 KB and other media types', async () => {
      const f = await form();
      const big = await submit(f.publicKey, { personName: 'x', email: 'big@example.com', notes: 'x'.repeat(17_000) });
      expect(big.status).toBe(413);
      const text = await t.http().post(`/api/v1/public/web-forms/${f.publicKey}/submissions`).set('Content-Type', 'text/plain').send('personName=x');
      expect(text.status).toBe(415);
    });

    it('answers CORS only for the form\'s allowed origins; the app-wide setting does not apply to it', async () => {
      const f = await form({ allowedOrigins: ['https://www.example.com'] });
      const ok = await t.http().options(`/api/v1/public/web-forms/${f.publicKey}/submissions`).set('Origin', 'https://www.example.com').set('Access-Control-Request-Method', 'POST');
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe('https://www.example.com');
      expect(ok.headers['access-control-allow-methods']).toContain('POST');
      const other = await t.http().options(`/api/v1/public/web-forms/${f.publicKey}/submissions`).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const posted = await submit(f.publicKey, { personName: 'cors', email: `cors-${++seq}@example.com` }).set('Origin', 'https://www.example.com');
      expect(posted.headers['access-control-allow-origin']).toBe('https://www.example.com');
      // The app-wide CORS_ORIGINS still governs the rest of the API, and only it.
      const portal = (path: string) => t.http().options(path).set('Origin', 'https://portal.example.com').set('Access-Control-Request-Method', 'POST');
      expect((await portal('/api/v1/leads')).headers['access-control-allow-origin']).toBe('https://portal.example.com');
      expect((await portal(`/api/v1/public/web-forms/${f.publicKey}/submissions`)).headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
