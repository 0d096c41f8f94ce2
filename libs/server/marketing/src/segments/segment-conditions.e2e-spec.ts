/**
 * Every condition a segment offers, over HTTP on real PostgreSQL: each answers exactly the
 * customers or contacts it describes, the live preview equals the saved segment's count and
 * its member list, deleted customers and contacts never count, and customers without
 * analytics values read as no_orders with zero value.
 */
import type { TestApp } from '@kehu/server-testing';
import { bootMarketingApp } from '../../test/marketing-test-kit';
import { buildSegmentsWorld, type SegmentsWorld } from '../../test/segments-world';

type Condition = Record<string, unknown>;

describe('segment conditions', () => {
  let t: TestApp;
  let w: SegmentsWorld;
  let n = 0;

  /** Preview, save, count and list members: all four must agree; returns member names sorted. */
  const members = async (targetType: 'customer' | 'contact', conditions: Condition[], match: 'all' | 'any' = 'all') => {
    const rules = { match, conditions };
    const preview = await t.http().post('/api/v1/segments/preview').set(w.marketer).send({ targetType, rules });
    if (preview.status !== 200) throw new Error(`preview ${preview.status} ${JSON.stringify(preview.body)}`);
    const created = await t.http().post('/api/v1/segments').set(w.marketer).send({ name: `case ${++n}`, targetType, rules }).expect(201);
    const count = await t.http().get(`/api/v1/segments/${created.body.id}/count`).set(w.marketer).expect(200);
    const list = await t.http().get(`/api/v1/segments/${created.body.id}/members?limit=200`).set(w.marketer).expect(200);
    const names = (list.body.data as { name: string }[]).map((m) => m.name).sort();
    expect(preview.body.count).toBe(count.body.count);
    expect(count.body.count).toBe(names.length);
    return names;
  };
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const sorted = (...names: string[]) => names.sort();

  beforeAll(async () => {
    t = await bootMarketingApp();
    w = await buildSegmentsWorld(t);
  });
  afterAll(() => t?.close());

  it('no conditions: every live customer / contact', async () => {
    expect(await members('customer', [])).toEqual(sorted('广州甲', '杭州乙', '成都丙', '公海丁'));
    expect(await members('contact', [])).toEqual(sorted('甲一', '甲二', '乙一', '丙一', '丁一'));
  });

  it('province, city, industry: in and not in (a missing value is "not in")', async () => {
    expect(await members('customer', [{ field: 'province', op: 'in', values: ['广东'] }])).toEqual(sorted('广州甲', '公海丁'));
    expect(await members('customer', [{ field: 'province', op: 'notIn', values: ['广东'] }])).toEqual(sorted('杭州乙', '成都丙'));
    expect(await members('customer', [{ field: 'city', op: 'in', values: ['杭州', '成都'] }])).toEqual(sorted('杭州乙', '成都丙'));
    expect(await members('customer', [{ field: 'industry', op: 'in', values: ['制造业'] }])).toEqual(sorted('广州甲', '成都丙'));
    expect(await members('customer', [{ field: 'industry', op: 'notIn', values: ['制造业'] }])).toEqual(sorted('杭州乙', '公海丁'));
  });

  it('grade, lifecycle stage, source', async () => {
    expect(await members('customer', [{ field: 'grade', op: 'in', values: ['A', 'B'] }])).toEqual(sorted('广州甲', '杭州乙'));
    expect(await members('customer', [{ field: 'lifecycleStage', op: 'in', values: ['churned'] }])).toEqual(['公海丁']);
    expect(await members('customer', [{ field: 'source', op: 'in', values: ['referral', 'erp'] }])).toEqual(sorted('广州甲', '成都丙'));
  });

  it('tags: has any of', async () => {
    expect(await members('customer', [{ field: 'tags', op: 'hasAny', values: ['重点', '没有'] }])).toEqual(['成都丙']);
    expect(await members('customer', [{ field: 'tags', op: 'hasAny', values: ['VIP'] }])).toEqual(sorted('广州甲', '成都丙'));
  });

  it('owner: in list, or none (the public pool)', async () => {
    expect(await members('customer', [{ field: 'ownerId', op: 'in', values: [w.eastRepId] }])).toEqual(sorted('广州甲', '杭州乙'));
    expect(await members('customer', [{ field: 'ownerId', op: 'none' }])).toEqual(['公海丁']);
  });

  it('created: before / after a day, within / not within N days', async () => {
    expect(await members('customer', [{ field: 'createdAt', op: 'before', date: '2025-01-10' }])).toEqual(['公海丁']);
    expect(await members('customer', [{ field: 'createdAt', op: 'before', date: '2025-01-11' }])).toEqual(sorted('广州甲', '公海丁'));
    expect(await members('customer', [{ field: 'createdAt', op: 'after', date: '2025-12-31' }])).toEqual(sorted('成都丙', '杭州乙'));
    expect(await members('customer', [{ field: 'createdAt', op: 'withinDays', days: 30 }])).toEqual(['杭州乙']);
    expect(await members('customer', [{ field: 'createdAt', op: 'notWithinDays', days: 30 }])).toEqual(sorted('广州甲', '成都丙', '公海丁'));
  });

  it('last follow-up: within / not within N days (never followed up counts as not), before / after', async () => {
    expect(await members('customer', [{ field: 'lastFollowUpAt', op: 'withinDays', days: 7 }])).toEqual(['广州甲']);
    expect(await members('customer', [{ field: 'lastFollowUpAt', op: 'notWithinDays', days: 30 }])).toEqual(sorted('杭州乙', '成都丙', '公海丁'));
    expect(await members('customer', [{ field: 'lastFollowUpAt', op: 'before', date: day(60) }])).toEqual(['公海丁']);
    expect(await members('customer', [{ field: 'lastFollowUpAt', op: 'after', date: day(50) }])).toEqual(sorted('广州甲', '成都丙'));
  });

  it('customer value: RFM segment (no row = no_orders), lifetime and total value (no row = 0)', async () => {
    expect(await members('customer', [{ field: 'rfmSegment', op: 'in', values: ['champions'] }])).toEqual(['广州甲']);
    expect(await members('customer', [{ field: 'rfmSegment', op: 'in', values: ['no_orders'] }])).toEqual(sorted('杭州乙', '公海丁'));
    expect(await members('customer', [{ field: 'rfmSegment', op: 'notIn', values: ['champions', 'at_risk'] }])).toEqual(sorted('杭州乙', '公海丁'));
    expect(await members('customer', [{ field: 'lifetimeValue', op: 'gte', amount: 10000 }])).toEqual(['广州甲']);
    expect(await members('customer', [{ field: 'lifetimeValue', op: 'lte', amount: 8000 }])).toEqual(sorted('成都丙', '杭州乙', '公海丁'));
    expect(await members('customer', [{ field: 'totalValue', op: 'gte', amount: 60000 }])).toEqual(['广州甲']);
    expect(await members('contact', [{ field: 'rfmSegment', op: 'in', values: ['champions'] }])).toEqual(sorted('甲一', '甲二'));
  });

  it('contacts: has e-mail / phone, preferred channel', async () => {
    expect(await members('contact', [{ field: 'hasEmail', op: 'is', flag: true }])).toEqual(sorted('甲一', '乙一', '丙一', '丁一'));
    expect(await members('contact', [{ field: 'hasEmail', op: 'is', flag: false }])).toEqual(['甲二']);
    expect(await members('contact', [{ field: 'hasPhone', op: 'is', flag: true }])).toEqual(sorted('甲二', '乙一'));
    expect(await members('contact', [{ field: 'preferredChannel', op: 'in', values: ['email', 'phone'] }])).toEqual(sorted('甲一', '甲二'));
    expect(await members('contact', [{ field: 'preferredChannel', op: 'notIn', values: ['email'] }])).toEqual(sorted('甲二', '乙一', '丙一', '丁一'));
  });

  it('contacts: consent opted in / opted out per channel, and "exclude opted out" (unknown stays in)', async () => {
    expect(await members('contact', [{ field: 'consent', op: 'optedIn', channel: 'email' }])).toEqual(sorted('甲一', '丙一', '丁一'));
    expect(await members('contact', [{ field: 'consent', op: 'optedOut', channel: 'email' }])).toEqual(['甲二']);
    expect(await members('contact', [{ field: 'consent', op: 'notOptedOut', channel: 'email' }])).toEqual(sorted('甲一', '乙一', '丙一', '丁一'));
    expect(await members('contact', [{ field: 'consent', op: 'optedIn', channel: 'sms' }])).toEqual([]);
    expect(await members('contact', [{ field: 'consent', op: 'notOptedOut', channel: 'sms' }])).toEqual(sorted('甲二', '乙一', '丙一', '丁一'));
  });

  it('match all / any combine customer and contact conditions', async () => {
    const guangdongEmail = [{ field: 'province', op: 'in', values: ['广东', '浙江'] }, { field: 'consent', op: 'optedIn', channel: 'email' }];
    expect(await members('contact', guangdongEmail)).toEqual(sorted('甲一', '丁一'));
    expect(await members('contact', guangdongEmail, 'any')).toEqual(sorted('甲一', '甲二', '乙一', '丙一', '丁一'));
    const gradeAOrPool = [{ field: 'grade', op: 'in', values: ['A'] }, { field: 'ownerId', op: 'none' }];
    expect(await members('customer', gradeAOrPool, 'any')).toEqual(sorted('广州甲', '公海丁'));
    expect(await members('customer', gradeAOrPool, 'all')).toEqual([]);
  });

  it('member rows carry what a marketer needs', async () => {
    const seg = await t.http().post('/api/v1/segments').set(w.marketer).send({ name: 'row shape', targetType: 'contact', rules: { match: 'all', conditions: [{ field: 'consent', op: 'optedIn', channel: 'email' }, { field: 'grade', op: 'in', values: ['A'] }] } }).expect(201);
    const list = await t.http().get(`/api/v1/segments/${seg.body.id}/members`).set(w.marketer).expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ kind: 'contact', name: '甲一', customerName: '广州甲', province: '广东', city: '广州', grade: 'A', ownerId: w.eastRepId, ownerName: 'east-rep', email: 'a1@example.com', phone: null, rfmSegment: 'champions' }),
    ]);
    const customers = await t.http().post('/api/v1/segments').set(w.marketer).send({ name: 'row shape c', targetType: 'customer', rules: { match: 'all', conditions: [{ field: 'ownerId', op: 'none' }] } }).expect(201);
    const rows = await t.http().get(`/api/v1/segments/${customers.body.id}/members`).set(w.marketer).expect(200);
    expect(rows.body.data).toEqual([expect.objectContaining({ kind: 'customer', name: '公海丁', customerName: '公海丁', ownerId: null, ownerName: null, rfmSegment: 'no_orders' })]);
  });
});
