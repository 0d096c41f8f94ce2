import { bootContactsWorld, contactsApi, type ContactsWorld } from '../../test/contacts-world';

describe('contacts: consents, primary contact, concurrency', () => {
  let w: ContactsWorld;
  let rep: ReturnType<typeof contactsApi>;
  let customerId: string;

  beforeAll(async () => {
    w = await bootContactsWorld();
    rep = contactsApi(w.t, w.rep);
    customerId = await rep.customer('偏好测试有限公司');
  });
  afterAll(() => w?.t.close());

  const primaries = async (customer: string) => (await w.ds.query(`SELECT id FROM contacts WHERE customer_id = $1 AND is_primary AND deleted_at IS NULL`, [customer])).map((r: { id: string }) => r.id);

  describe('consents', () => {
    it('sets channels under If-Match, audits before/after and publishes contact.consent-changed', async () => {
      const c = (await rep.create({ customerId, name: '韩梅梅', emails: ['han@consent.test'], consents: [{ channel: 'email', status: 'opted_out', source: 'call' }] })).body;
      const res = await rep.consents(c.id, 1, [{ channel: 'email', status: 'opted_in', source: 'web form' }, { channel: 'sms', status: 'opted_out', source: 'call' }]);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.consents.slice(0, 3)).toEqual([
        { channel: 'email', status: 'opted_in', source: 'web form', changedAt: expect.any(String) },
        { channel: 'phone', status: 'unknown', source: null, changedAt: null },
        { channel: 'sms', status: 'opted_out', source: 'call', changedAt: expect.any(String) },
      ]);
      expect(await w.ds.query(`SELECT channel, status, source, changed_by FROM contact_consents WHERE contact_id = $1 ORDER BY channel`, [c.id])).toEqual([
        { channel: 'email', status: 'opted_in', source: 'web form', changed_by: w.repId },
        { channel: 'sms', status: 'opted_out', source: 'call', changed_by: w.repId },
      ]);
      const history = (await rep.history(c.id)).body.data;
      expect(history[0]).toMatchObject({
        action: 'consent-change',
        changes: {
          'consents.email': { before: { status: 'opted_out', source: 'call' }, after: { status: 'opted_in', source: 'web form' } },
          'consents.sms': { before: null, after: { status: 'opted_out', source: 'call' } },
        },
      });
      const events = await w.ds.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [c.id]);
      expect(events[events.length - 1]).toEqual({ type: 'contact.consent-changed', payload: { consents: { email: 'opted_in', sms: 'opted_out' } } });
    });

    it("folds the consents into the contact's channel bits for segment counts, as they change", async () => {
      const masks = async (id: string) => (await w.ds.query(`SELECT consent_opt_in AS "in", consent_opt_out AS "out" FROM contacts WHERE id = $1`, [id]))[0];
      const c = (await rep.create({ customerId, name: '掩码测试', consents: [{ channel: 'email', status: 'opted_in', source: 'form' }, { channel: 'wechat', status: 'opted_out', source: 'call' }] })).body;
      expect(await masks(c.id)).toEqual({ in: 1, out: 8 }); // e-mail 1, phone 2, sms 4, wechat 8, post 16
      await rep.consents(c.id, c.version, [{ channel: 'email', status: 'opted_out', source: 'call' }, { channel: 'sms', status: 'opted_in', source: 'call' }, { channel: 'post', status: 'opted_in', source: 'letter' }]);
      expect(await masks(c.id)).toEqual({ in: 4 + 16, out: 1 + 8 });
      // Several contacts in one statement (an import, a merge moving consents) are folded in one go.
      const d = (await rep.create({ customerId, name: '掩码测试二' })).body;
      await w.ds.query(`DELETE FROM contact_consents WHERE contact_id = $1`, [c.id]);
      await w.ds.query(`INSERT INTO contact_consents (contact_id, channel, status) VALUES ($1, 'phone', 'opted_in'), ($2, 'phone', 'opted_out'), ($2, 'email', 'opted_in')`, [c.id, d.id]);
      expect(await masks(c.id)).toEqual({ in: 2, out: 0 });
      expect(await masks(d.id)).toEqual({ in: 1, out: 2 });
    });

    it('refuses a stale or missing If-Match and leaves consents unchanged; a repeat of the same answer changes nothing', async () => {
      const c = (await rep.create({ customerId, name: '并发偏好', consents: [{ channel: 'phone', status: 'opted_in', source: 'call' }] })).body;
      expect((await rep.consents(c.id, 1, [{ channel: 'wechat', status: 'opted_in' }])).status).toBe(200);
      const stale = await rep.consents(c.id, 1, [{ channel: 'phone', status: 'opted_out' }]);
      expect(stale.status).toBe(412);
      const missing = await w.t.http().put(`/api/v1/contacts/${c.id}/consents`).set(w.rep).send({ consents: [{ channel: 'phone', status: 'opted_out' }] });
      expect(missing.status).toBe(428);
      expect((await w.ds.query(`SELECT status FROM contact_consents WHERE contact_id = $1 AND channel = 'phone'`, [c.id]))[0].status).toBe('opted_in');
      const same = await rep.consents(c.id, 2, [{ channel: 'wechat', status: 'opted_in' }]);
      expect(same.body.version).toBe(2);
      expect((await w.ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'consent-change'`, [c.id]))[0].n).toBe(1);
    });

    it('validates the channels sent', async () => {
      const c = (await rep.create({ customerId, name: '校验偏好' })).body;
      const field = async (consents: object[]) => (await rep.consents(c.id, 1, consents)).body.errors[0];
      expect(await field([])).toMatchObject({ field: 'consents', rule: 'arrayMinSize' });
      expect(await field([{ channel: 'email', status: 'maybe' }])).toMatchObject({ field: 'consents.0.status', rule: 'isEnum' });
      expect(await field([{ channel: 'email', status: 'opted_in', source: 'x'.repeat(101) }])).toMatchObject({ field: 'consents.0.source', rule: 'maxLength' });
      expect(await field([{ channel: 'email', status: 'opted_in' }, { channel: 'email', status: 'opted_out' }])).toMatchObject({ field: 'consents', rule: 'arrayUnique' });
    });

    it('lists the contacts opted in to e-mail', async () => {
      const target = await rep.customer('营销名单有限公司');
      const yes = (await rep.create({ customerId: target, name: '要邮件', consents: [{ channel: 'email', status: 'opted_in', source: 'web form' }] })).body;
      const no = (await rep.create({ customerId: target, name: '不要邮件', consents: [{ channel: 'email', status: 'opted_out', source: 'call' }] })).body;
      const unknown = (await rep.create({ customerId: target, name: '没说过' })).body;
      const ids = async (q: string) => (await rep.list(`?customerId=${target}&${q}`)).body.data.map((c: { id: string }) => c.id).sort();
      expect(await ids('hasEmailConsent=true')).toEqual([yes.id]);
      expect(await ids('hasEmailConsent=false')).toEqual([no.id, unknown.id].sort());
    });
  });

  describe('primary contact', () => {
    it('setting one primary unsets the other in the same transaction, audited on both', async () => {
      const target = await rep.customer('主联系人有限公司');
      const a = (await rep.create({ customerId: target, name: '主甲', isPrimary: true })).body;
      const b = (await rep.create({ customerId: target, name: '主乙', isPrimary: true })).body;
      expect(await primaries(target)).toEqual([b.id]);
      const gotA = await rep.get(a.id);
      expect(gotA.body).toMatchObject({ isPrimary: false, version: 2 });
      expect((await rep.history(a.id)).body.data[0]).toMatchObject({ action: 'update', changes: { isPrimary: { before: true, after: false } } });
      const back = await rep.patch(a.id, 2, { isPrimary: true });
      expect(back.body.isPrimary).toBe(true);
      expect(await primaries(target)).toEqual([a.id]);
    });

    it('two concurrent "set primary" requests leave exactly one primary', async () => {
      const target = await rep.customer('并发主联系人有限公司');
      const ids: string[] = [];
      for (const name of ['并发一', '并发二', '并发三', '并发四']) ids.push((await rep.create({ customerId: target, name })).body.id);
      for (let round = 0; round < 3; round++) {
        const versions = await Promise.all(ids.map(async (id) => (await rep.get(id)).body.version as number));
        const results = await Promise.all(ids.map((id, i) => rep.patch(id, versions[i], { isPrimary: true })));
        // Each request either wins for a moment or finds its version bumped by another's unset (412).
        expect(results.every((r) => r.status === 200 || r.status === 412)).toBe(true);
        // With no primary yet, nobody's version moves before its own request runs: all succeed, one stays primary.
        if (round === 0) expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
        expect(results.some((r) => r.status === 200)).toBe(true);
        expect(await primaries(target)).toHaveLength(1);
      }
    });

    it('a restored primary stays primary only when its customer has none meanwhile', async () => {
      const manager = contactsApi(w.t, w.manager);
      const target = await rep.customer('恢复主联系人有限公司');
      const a = (await rep.create({ customerId: target, name: '恢复甲', isPrimary: true })).body;
      expect((await manager.remove(a.id)).status).toBe(204);
      const b = (await rep.create({ customerId: target, name: '恢复乙', isPrimary: true })).body;
      const restored = await manager.restore(a.id);
      expect(restored.status).toBe(200);
      expect(restored.body.isPrimary).toBe(false);
      expect(await primaries(target)).toEqual([b.id]);
    });
  });

  describe('If-Match on update', () => {
    it('needs If-Match, refuses a stale version and leaves the row unchanged', async () => {
      const c = (await rep.create({ customerId, name: '版本测试', title: '旧职位' })).body;
      expect((await w.t.http().patch(`/api/v1/contacts/${c.id}`).set(w.rep).send({ title: '新' })).status).toBe(428);
      expect((await rep.patch(c.id, 1, { title: '新职位' })).status).toBe(200);
      const stale = await rep.patch(c.id, 1, { title: '覆盖' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      expect((await w.ds.query(`SELECT title, version FROM contacts WHERE id = $1`, [c.id]))[0]).toEqual({ title: '新职位', version: 2 });
      expect((await rep.history(c.id)).body.data[0]).toMatchObject({ action: 'update', changes: { title: { before: '旧职位', after: '新职位' } } });
    });
  });
});
