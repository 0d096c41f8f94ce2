import { testPeople, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';

/**
 * The people and records segment tests read: two departments with a rep each (scope own),
 * a company-wide marketer, four live customers (one in the public pool), their contacts
 * with consents, customer values for two of them, and deleted rows that must never count.
 */
export interface SegmentsWorld {
  admin: Auth;
  marketer: Auth;
  eastRep: Auth;
  westRep: Auth;
  eastManager: Auth;
  eastRepId: string;
  westRepId: string;
}
export type Auth = Record<string, string>;

export async function buildSegmentsWorld(t: TestApp): Promise<SegmentsWorld> {
  const { admin, post, user } = await testPeople(t);
  const east = (await post('/api/v1/departments', { name: '华东' })).id as string;
  const west = (await post('/api/v1/departments', { name: '西部' })).id as string;
  await post('/api/v1/roles', { key: 'segment_reader_own', name: 'Reads segments, own customers', permissions: { 'marketing.segment.read': 'own' } });
  await post('/api/v1/roles', { key: 'segment_reader_dept', name: 'Reads segments, department', permissions: { 'marketing.segment.read': 'department' } });
  const eastRep = await user('east-rep', ['segment_reader_own'], east);
  const westRep = await user('west-rep', ['segment_reader_own'], west);
  const eastManager = await user('east-manager', ['segment_reader_dept'], east);
  const marketer = await user('marketer', ['marketing'], east);

  const ds = t.app.get(DataSource);
  const customer = async (c: Record<string, unknown>) => {
    const [row] = await ds.query(
      `INSERT INTO customers (name, name_key, province, city, industry, grade, lifecycle_stage, source, tags, owner_id, department_id, created_at, last_follow_up_at, deleted_at)
       VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz, $13::timestamptz) RETURNING id`,
      [c.name, c.province, c.city, c.industry ?? null, c.grade ?? null, c.stage, c.source, c.tags ?? [], c.owner ?? null, c.dept ?? null, c.createdAt, c.followUp ?? null, c.deletedAt ?? null],
    );
    return row.id as string;
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const a = await customer({ name: '广州甲', province: '广东', city: '广州', industry: '制造业', grade: 'A', stage: 'customer', source: 'referral', tags: ['VIP'], owner: eastRep.id, dept: east, createdAt: '2025-01-10T04:00:00Z', followUp: daysAgo(3) });
  const b = await customer({ name: '杭州乙', province: '浙江', city: '杭州', industry: '零售', grade: 'B', stage: 'prospect', source: 'web_form', owner: eastRep.id, dept: east, createdAt: daysAgo(10) });
  const c = await customer({ name: '成都丙', province: '四川', city: '成都', industry: '制造业', grade: 'C', stage: 'key_account', source: 'erp', tags: ['VIP', '重点'], owner: westRep.id, dept: west, createdAt: '2026-01-05T04:00:00Z', followUp: daysAgo(40) });
  const d = await customer({ name: '公海丁', province: '广东', city: '深圳', stage: 'churned', source: 'other', createdAt: '2024-12-01T04:00:00Z', followUp: daysAgo(100) });
  const gone = await customer({ name: '已删戊', province: '广东', city: '广州', grade: 'A', stage: 'customer', source: 'referral', tags: ['VIP'], owner: eastRep.id, dept: east, createdAt: daysAgo(5), deletedAt: daysAgo(1) });

  const contact = async (customerId: string, name: string, emails: string[], phones: string[], preferred: string | null, consents: Record<string, string>, deleted = false) => {
    const [row] = await ds.query(
      `INSERT INTO contacts (customer_id, name, emails, phones, preferred_channel, deleted_at) VALUES ($1, $2, $3, $4, $5, ${deleted ? 'now()' : 'NULL'}) RETURNING id`,
      [customerId, name, emails, phones, preferred],
    );
    for (const [channel, status] of Object.entries(consents)) await ds.query(`INSERT INTO contact_consents (contact_id, channel, status) VALUES ($1, $2, $3)`, [row.id, channel, status]);
  };
  await contact(a, '甲一', ['a1@example.com'], [], 'email', { email: 'opted_in', sms: 'opted_out' });
  await contact(a, '甲二', [], ['+8613800000002'], 'phone', { email: 'opted_out' });
  await contact(a, '甲删', ['gone@example.com'], [], 'email', { email: 'opted_in' }, true);
  await contact(b, '乙一', ['b1@example.com'], ['+8613800000003'], 'wechat', {});
  await contact(c, '丙一', ['c1@example.com'], [], null, { email: 'opted_in' });
  await contact(d, '丁一', ['d1@example.com'], [], null, { email: 'opted_in' });
  await contact(gone, '戊一', ['e1@example.com'], [], 'email', { email: 'opted_in' });

  // Analytics' customer values, set directly: 甲 a champion, 丙 at risk; 乙 and 丁 have no row (no orders).
  const value = (customerId: string, segment: string, lifetime: number, total: number) =>
    ds.query(
      `INSERT INTO customer_values (customer_id, rfm_segment, lifetime_value, total_value, computed_at) VALUES ($1, $2, $3, $4, now())`,
      [customerId, segment, lifetime, total],
    );
  await value(a, 'champions', 50000, 60000);
  await value(c, 'at_risk', 8000, 8000);
  await value(gone, 'champions', 90000, 90000);

  return { admin, marketer: marketer.auth, eastRep: eastRep.auth, westRep: westRep.auth, eastManager: eastManager.auth, eastRepId: eastRep.id, westRepId: westRep.id };
}
