import { bootContactsWorld, contactsApi, type ContactsWorld } from '../../test/contacts-world';

describe('contacts', () => {
  let w: ContactsWorld;
  let rep: ReturnType<typeof contactsApi>;
  let customerId: string;

  beforeAll(async () => {
    w = await bootContactsWorld();
    rep = contactsApi(w.t, w.rep);
    customerId = await rep.customer('上海联系人测试有限公司');
  });
  afterAll(() => w?.t.close());

  it('creates a contact with normalised phones and e-mails, owned like its customer, audited and published', async () => {
    const res = await rep.create({
      customerId,
      name: ' 李　雷 ',
      title: '采购经理',
      phones: ['138 0013 8001', '010-5825 0001', '+86 138-0013-8001'],
      emails: [' Li.Lei@ABC.com '],
      birthday: '1985-06-01',
      preferredChannel: 'phone',
      preferredHours: '09:00-18:00',
      // Seed 001: dislikes unsolicited e-mail, accepts calls.
      consents: [{ channel: 'email', status: 'opted_out', source: 'call' }, { channel: 'phone', status: 'opted_in', source: 'call' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customerId, name: '李 雷', phones: ['+8613800138001', '+861058250001'], emails: ['li.lei@abc.com'], ownerId: w.repId, departmentId: w.east, isPrimary: false, version: 1 });
    expect(res.body.consents).toEqual([
      { channel: 'email', status: 'opted_out', source: 'call', changedAt: expect.any(String) },
      { channel: 'phone', status: 'opted_in', source: 'call', changedAt: expect.any(String) },
      { channel: 'sms', status: 'unknown', source: null, changedAt: null },
      { channel: 'wechat', status: 'unknown', source: null, changedAt: null },
      { channel: 'post', status: 'unknown', source: null, changedAt: null },
    ]);
    const [row] = await w.ds.query(`SELECT customer_id, phones, emails, birthday::text, preferred_hours, created_by FROM contacts WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ customer_id: customerId, phones: ['+8613800138001', '+861058250001'], emails: ['li.lei@abc.com'], birthday: '1985-06-01', preferred_hours: '09:00-18:00', created_by: w.repId });
    expect(await w.ds.query(`SELECT channel, status, source FROM contact_consents WHERE contact_id = $1 ORDER BY channel`, [res.body.id])).toEqual([
      { channel: 'email', status: 'opted_out', source: 'call' },
      { channel: 'phone', status: 'opted_in', source: 'call' },
    ]);
    const [audit] = await w.ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'contact' AND entity_id = $1`, [res.body.id]);
    expect(audit.action).toBe('create');
    expect(audit.changes['consents.email']).toEqual({ before: null, after: { status: 'opted_out', source: 'call' } });
    expect((await w.ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [res.body.id])).map((e: { type: string }) => e.type)).toEqual(['contact.created', 'contact.consent-changed']);
    const got = await rep.get(res.body.id);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toEqual(res.body);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const bad = async (body: object) => {
      const res = await rep.create({ customerId, name: 'Bad Input', ...body });
      expect(res.status).toBe(400);
      return res.body.errors[0];
    };
    expect(await bad({ nickname: 'x' })).toMatchObject({ field: 'nickname', rule: 'whitelistValidation' });
    expect(await bad({ name: 'x'.repeat(101) })).toMatchObject({ field: 'name', rule: 'maxLength' });
    expect(await bad({ title: 'x'.repeat(101) })).toMatchObject({ field: 'title', rule: 'maxLength' });
    expect(await bad({ phones: ['13800138002', '12345'] })).toMatchObject({ field: 'phones.1', rule: 'isPhone' });
    expect(await bad({ phones: Array.from({ length: 6 }, (_, i) => `1380013810${i}`) })).toMatchObject({ field: 'phones', rule: 'arrayMaxSize' });
    expect(await bad({ emails: ['not-an-email'] })).toMatchObject({ field: 'emails', rule: 'isEmail' });
    expect(await bad({ birthday: '1985-13-40' })).toMatchObject({ field: 'birthday' });
    expect(await bad({ preferredHours: '9-18' })).toMatchObject({ field: 'preferredHours', rule: 'matches' });
    expect(await bad({ consents: [{ channel: 'fax', status: 'opted_in' }] })).toMatchObject({ field: 'consents.0.channel', rule: 'isEnum' });
    expect(await bad({ customerId: 'nope' })).toMatchObject({ field: 'customerId', rule: 'isUuid' });
    expect((await w.ds.query(`SELECT count(*)::int AS n FROM contacts WHERE name = 'Bad Input'`))[0].n).toBe(0);
  });

  describe('scope', () => {
    let westContact: { id: string; version: number };
    let westCustomer: string;
    beforeAll(async () => {
      const west = contactsApi(w.t, w.westRep);
      westCustomer = await west.customer('成都西部联系人有限公司');
      westContact = (await west.create({ customerId: westCustomer, name: '王西部', phones: ['13900139000'] })).body;
    });

    it('another department gets 404 on every record route and never sees the contact in lists', async () => {
      for (const caller of [rep, contactsApi(w.t, w.manager)]) {
        expect((await caller.get(westContact.id)).status).toBe(404);
        expect((await caller.patch(westContact.id, 1, { title: 'mine' })).status).toBe(404);
        expect((await caller.consents(westContact.id, 1, [{ channel: 'sms', status: 'opted_in' }])).status).toBe(404);
        expect((await caller.history(westContact.id)).status).toBe(404);
        expect((await caller.list('?limit=200')).body.data.map((c: { id: string }) => c.id)).not.toContain(westContact.id);
        expect((await caller.list(`?q=${encodeURIComponent('王西部')}`)).body.data).toEqual([]);
        expect((await caller.list(`?customerId=${westCustomer}&count=true`)).body.total).toBe(0);
      }
      expect((await contactsApi(w.t, w.manager).remove(westContact.id)).status).toBe(404);
      const [row] = await w.ds.query(`SELECT title, version, deleted_at FROM contacts WHERE id = $1`, [westContact.id]);
      expect(row).toEqual({ title: null, version: 1, deleted_at: null });
    });

    it('answers 400 naming customerId when the customer is outside the caller scope (same as a customer that does not exist)', async () => {
      const mateCustomer = await contactsApi(w.t, w.mate).customer('同事的客户有限公司');
      for (const target of [westCustomer, mateCustomer, '00000000-0000-4000-8000-000000000000']) {
        const res = await rep.create({ customerId: target, name: '越权联系人' });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'customerId', rule: 'exists' })]);
      }
      const mine = (await rep.create({ customerId, name: '搬家联系人' })).body;
      const moved = await rep.patch(mine.id, mine.version, { customerId: westCustomer });
      expect(moved.status).toBe(400);
      expect(moved.body.errors[0].field).toBe('customerId');
      expect((await w.ds.query(`SELECT count(*)::int AS n FROM contacts WHERE name = '越权联系人'`))[0].n).toBe(0);
    });

    it('follows its customer when the customer is reassigned', async () => {
      const manager = contactsApi(w.t, w.manager);
      const owned = await rep.customer('转交客户有限公司');
      const contact = (await rep.create({ customerId: owned, name: '跟随联系人' })).body;
      const res = await w.t.http().post('/api/v1/customers/bulk-update').set(w.manager).send({ ids: [owned], ownerId: w.mateId });
      expect(res.status).toBe(200);
      // The contact is not rewritten: its owner is read through the customer.
      expect((await w.ds.query(`SELECT version FROM contacts WHERE id = $1`, [contact.id]))[0]).toEqual({ version: contact.version });
      expect((await rep.get(contact.id)).status).toBe(404);
      expect((await contactsApi(w.t, w.mate).get(contact.id)).body.ownerId).toBe(w.mateId);
      expect((await manager.get(contact.id)).status).toBe(200);
    });
  });

  describe('duplicates', () => {
    it('suspects the same phone or e-mail at any customer, withholding details out of scope, unless told to keep both', async () => {
      const first = (await rep.create({ customerId, name: '张三', phones: ['13700137000'], emails: ['zhang@dup.test'] })).body;
      const mate = contactsApi(w.t, w.mate);
      const mateCustomer = await mate.customer('另一家客户有限公司');
      const second = await mate.create({ customerId: mateCustomer, name: '张三(另一家)', phones: ['+86 137 0013 7000'] });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('DUPLICATE_SUSPECTED');
      expect(second.body.candidates).toEqual([{ id: first.id, name: '张三', customerId, ownerId: w.repId, reasons: ['phone'], phones: null, emails: null }]);
      const own = await rep.create({ customerId, name: '张三同事', emails: ['ZHANG@dup.test'] });
      expect(own.body.candidates).toEqual([expect.objectContaining({ id: first.id, reasons: ['email'], phones: ['+8613700137000'], emails: ['zhang@dup.test'] })]);
      const kept = await mate.create({ customerId: mateCustomer, name: '张三(另一家)', phones: ['+86 137 0013 7000'] }, '?allowDuplicate=true');
      expect(kept.status).toBe(201);
    });

    it('re-checks on update when phones or e-mails change', async () => {
      const a = (await rep.create({ customerId, name: '更新甲', emails: ['a@upd.test'] })).body;
      const b = (await rep.create({ customerId, name: '更新乙', emails: ['b@upd.test'] })).body;
      const res = await rep.patch(b.id, b.version, { emails: ['b@upd.test', 'A@upd.test'] });
      expect(res.status).toBe(409);
      expect(res.body.candidates.map((c: { id: string }) => c.id)).toEqual([a.id]);
      expect((await rep.patch(b.id, b.version, { title: '不查重' })).status).toBe(200);
      expect((await rep.patch(b.id, b.version + 1, { emails: ['b@upd.test', 'a@upd.test'] }, '?allowDuplicate=true')).body.emails).toEqual(['b@upd.test', 'a@upd.test']);
    });
  });

  describe('list', () => {
    let listCustomer: string;
    beforeAll(async () => {
      listCustomer = await rep.customer('列表测试有限公司');
      for (const [name, phone, email] of [
        ['Alice Wong', '13600136001', 'alice@list.test'],
        ['Bob Chen', '13600136002', 'bob@list.test'],
        ['Carol Li', '13600136003', 'carol@list.test'],
        ['陈大文', '0755-8888 6004', 'chen@other.test'],
      ]) {
        await rep.create({ customerId: listCustomer, name, phones: [phone], emails: [email] });
      }
    });

    const names = async (query: string) => (await rep.list(query)).body.data.map((c: { name: string }) => c.name);

    it('filters by customer and searches name, phone digits and e-mail substrings', async () => {
      expect(await names(`?customerId=${listCustomer}&sort=name`)).toEqual(['Alice Wong', 'Bob Chen', 'Carol Li', '陈大文']);
      expect(await names(`?customerId=${listCustomer}&q=${encodeURIComponent('大文')}`)).toEqual(['陈大文']);
      expect(await names(`?customerId=${listCustomer}&q=chen`)).toEqual(['陈大文', 'Bob Chen']);
      expect(await names(`?q=${encodeURIComponent('136 0013 6002')}`)).toEqual(['Bob Chen']);
      expect(await names(`?q=${encodeURIComponent('0755-8888 6004')}`)).toEqual(['陈大文']);
      expect(await names(`?q=88886004`)).toEqual(['陈大文']);
      expect(await names(`?q=${encodeURIComponent('@list.test')}&sort=-name`)).toEqual(['Carol Li', 'Bob Chen', 'Alice Wong']);
      expect(await names(`?ownerId=${w.mateId}`)).toEqual([]);
      expect((await rep.list('?sort=title')).body.errors[0].field).toBe('sort');
    });

    it('pages by keyset in name and createdAt order', async () => {
      for (const sort of ['name', '-name', 'createdAt', '-createdAt']) {
        const all: string[] = [];
        let cursor = '';
        do {
          const page = (await rep.list(`?customerId=${listCustomer}&limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)).body;
          all.push(...page.data.map((c: { name: string }) => c.name));
          cursor = page.nextCursor ?? '';
        } while (cursor);
        expect(all).toHaveLength(4);
        expect(new Set(all).size).toBe(4);
      }
    });

    it('hides the contacts of a customer in the recycle bin', async () => {
      const binned = await rep.customer('回收站客户有限公司');
      const c = (await rep.create({ customerId: binned, name: '回收站联系人' })).body;
      expect((await w.t.http().delete(`/api/v1/customers/${binned}`).set(w.manager)).status).toBe(204);
      expect((await rep.get(c.id)).status).toBe(404);
      expect(await names(`?customerId=${binned}`)).toEqual([]);
      expect((await w.t.http().post(`/api/v1/customers/${binned}/restore`).set(w.manager)).status).toBe(200);
      expect((await rep.get(c.id)).status).toBe(200);
    });
  });

  it('moves to the recycle bin and back (delete needs sales.contact.delete)', async () => {
    const manager = contactsApi(w.t, w.manager);
    const c = (await rep.create({ customerId, name: '删除测试' })).body;
    expect((await rep.remove(c.id)).status).toBe(403);
    expect((await manager.remove(c.id)).status).toBe(204);
    expect((await rep.get(c.id)).status).toBe(404);
    expect((await manager.list(`?customerId=${customerId}&limit=200`)).body.data.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const restored = await manager.restore(c.id);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect((await manager.restore(c.id)).status).toBe(404);
    expect((await w.ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [c.id])).map((r: { action: string }) => r.action)).toEqual(['create', 'delete', 'restore']);
    expect((await w.ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [c.id])).map((r: { type: string }) => r.type)).toEqual(['contact.created', 'contact.deleted', 'contact.restored']);
  });

  it('moves the losers\' contacts to the winner of a customer merge, as non-primary, audited', async () => {
    const winner = await rep.customer('合并胜者有限公司');
    const loser = await rep.customer('合并败者有限公司');
    const kept = (await rep.create({ customerId: winner, name: '胜者主联系人', isPrimary: true })).body;
    const moving = (await rep.create({ customerId: loser, name: '败者主联系人', isPrimary: true })).body;
    const res = await w.t.http().post(`/api/v1/customers/${winner}/merge`).set(w.manager).set('If-Match', '"1"').send({ loserIds: [loser] });
    expect(res.status).toBe(200);
    expect(res.body.moved.contacts).toBe(1);
    expect((await w.ds.query(`SELECT customer_id, is_primary FROM contacts WHERE id = $1`, [moving.id]))[0]).toEqual({ customer_id: winner, is_primary: false });
    expect((await rep.get(moving.id)).body).toMatchObject({ customerId: winner, ownerId: w.repId });
    expect((await rep.get(kept.id)).body.isPrimary).toBe(true);
    expect((await rep.history(moving.id)).body.data[0]).toMatchObject({ action: 'update', changes: { customerId: { before: loser, after: winner }, isPrimary: { before: true, after: false } } });
  });
});
