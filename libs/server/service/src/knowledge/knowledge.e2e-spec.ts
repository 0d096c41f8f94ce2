/**
 * The knowledge base over HTTP on real PostgreSQL: write / publish / archive / delete / restore
 * with the stored result, audit row and outbox event of each; validation naming the field;
 * who sees what (published for every reader, drafts in the manager's scope, 404 beyond);
 * 403 without manage; If-Match (412 stale, 428 missing); Chinese and Latin search; views and
 * feedback counted exactly under concurrent requests; the solved-case count.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootServiceApp } from '../../test/service-test-kit';
import { buildKnowledgeWorld, type Auth, type KnowledgeWorld } from '../../test/knowledge-world';

interface Article {
  id: string;
  number: string;
  title: string;
  status: string;
  version: number;
  [key: string]: unknown;
}

describe('knowledge base', () => {
  let t: TestApp;
  let w: KnowledgeWorld;
  let ds: DataSource;

  const base = '/api/v1/knowledge-articles';
  const api = (auth: Auth) => ({
    create: (body: object) => t.http().post(base).set(auth).send(body),
    list: (query = '') => t.http().get(`${base}${query}`).set(auth),
    get: (id: string) => t.http().get(`${base}/${id}`).set(auth),
    patch: (id: string, version: number | null, body: object) => {
      const req = t.http().patch(`${base}/${id}`).set(auth);
      return (version === null ? req : req.set('If-Match', `"${version}"`)).send(body);
    },
    action: (id: string, action: string, body?: object) => t.http().post(`${base}/${id}/${action}`).set(auth).send(body ?? {}),
    remove: (id: string) => t.http().delete(`${base}/${id}`).set(auth),
    categories: () => t.http().get(`${base}/categories`).set(auth),
  });
  const write = async (auth: Auth, extra: object = {}): Promise<Article> => {
    const res = await api(auth).create({ title: '打印机卡纸', problem: '打印时提示卡纸。', solution: '清理搓纸轮。', ...extra });
    if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const published = async (auth: Auth, extra: object = {}): Promise<Article> => {
    const a = await write(auth, extra);
    const res = await api(auth).action(a.id, 'publish');
    if (res.status !== 200) throw new Error(`publish ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const audits = (id: string) => ds.query(`SELECT action, changes, actor_id FROM audit_events WHERE entity_type = 'knowledge_article' AND entity_id = $1 ORDER BY id`, [id]);
  const events = (id: string) => ds.query(`SELECT type, payload FROM outbox_events WHERE aggregate_type = 'knowledge_article' AND aggregate_id = $1 ORDER BY id`, [id]);

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildKnowledgeWorld(t);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  describe('writing and publishing', () => {
    it('creates a numbered draft owned by the author, stored as sent, with an audit row and an outbox event', async () => {
      const res = await api(w.eastManager).create({ title: ' 打印机卡纸，无法打印 ', problem: '打印时提示卡纸\n取出纸张后仍报错', solution: '1. 关机\n2. 清理搓纸轮', category: '打印机', tags: [' 卡纸 ', '打印机', '卡纸'], caseType: 'request' }).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ title: '打印机卡纸，无法打印', status: 'draft', category: '打印机', tags: ['卡纸', '打印机'], caseType: 'request', ownerId: w.eastManagerId, departmentId: w.east, viewCount: 0, helpfulCount: 0, notHelpfulCount: 0, solvedCaseCount: 0, canManage: true, myFeedback: null, publishedAt: null, version: 1 });
      expect(res.body.number).toMatch(/^KB-\d{6}$/);
      const [row] = await ds.query(`SELECT title, problem, solution, tags, case_type, status, owner_id, department_id, created_by FROM knowledge_articles WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ title: '打印机卡纸，无法打印', problem: '打印时提示卡纸\n取出纸张后仍报错', solution: '1. 关机\n2. 清理搓纸轮', tags: ['卡纸', '打印机'], case_type: 'request', status: 'draft', owner_id: w.eastManagerId, department_id: w.east, created_by: w.eastManagerId });
      const [audit] = await audits(res.body.id);
      expect(audit).toMatchObject({ action: 'create', actor_id: w.eastManagerId });
      expect(audit.changes.title).toEqual({ before: null, after: '打印机卡纸，无法打印' });
      expect(await events(res.body.id)).toEqual([expect.objectContaining({ type: 'knowledge_article.created' })]);
      const second = await write(w.eastManager);
      expect(Number(second.number.slice(3))).toBe(Number(res.body.number.slice(3)) + 1);
    });

    it('updates with If-Match (stored, audited), answers 412 to a stale version and 428 without one', async () => {
      const a = await write(w.eastManager, { category: '网络' });
      const res = await api(w.eastManager).patch(a.id, 1, { solution: '重启路由器', category: null, tags: ['wifi'] }).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ solution: '重启路由器', category: null, tags: ['wifi'], version: 2 });
      const stale = await api(w.eastManager).patch(a.id, 1, { title: 'lost' }).expect(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      expect((await api(w.eastManager).patch(a.id, null, { title: 'lost' }).expect(428)).body.code).toBe('PRECONDITION_REQUIRED');
      const [row] = await ds.query(`SELECT title, solution, category, version FROM knowledge_articles WHERE id = $1`, [a.id]);
      expect(row).toEqual({ title: '打印机卡纸', solution: '重启路由器', category: null, version: 2 });
      const audit = await audits(a.id);
      expect(audit.map((x: { action: string }) => x.action)).toEqual(['create', 'update']);
      expect(audit[1].changes).toEqual({ solution: { before: '清理搓纸轮。', after: '重启路由器' }, category: { before: '网络', after: null }, tags: { before: [], after: ['wifi'] } });
      expect((await events(a.id)).map((e: { type: string }) => e.type)).toEqual(['knowledge_article.created', 'knowledge_article.updated']);
    });

    it('publishes (stamped), archives, publishes again; refuses a step from the wrong status with 409', async () => {
      const a = await write(w.eastManager);
      const pub = await api(w.eastManager).action(a.id, 'publish').expect(200);
      expect(pub.body).toMatchObject({ status: 'published', publishedBy: w.eastManagerId, version: 2 });
      expect(Date.parse(pub.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
      const again = await api(w.eastManager).action(a.id, 'publish').expect(409);
      expect(again.body).toMatchObject({ code: 'KNOWLEDGE_STATUS_TRANSITION', currentStatus: 'published' });
      expect((await api(w.eastManager).action(a.id, 'archive').expect(200)).body.status).toBe('archived');
      expect((await api(w.eastManager).action(a.id, 'publish').expect(200)).body).toMatchObject({ status: 'published', version: 4 });
      const [row] = await ds.query(`SELECT status, published_by FROM knowledge_articles WHERE id = $1`, [a.id]);
      expect(row).toEqual({ status: 'published', published_by: w.eastManagerId });
      expect((await audits(a.id)).map((x: { action: string }) => x.action)).toEqual(['create', 'publish', 'archive', 'publish']);
      expect((await events(a.id)).map((e: { type: string }) => e.type)).toEqual(['knowledge_article.created', 'knowledge_article.published', 'knowledge_article.archived', 'knowledge_article.published']);
    });

    it('soft-deletes to the recycle bin and restores, audited', async () => {
      const a = await published(w.eastManager, { title: '回收站测试' });
      await api(w.eastManager).remove(a.id).expect(204);
      await api(w.agent).get(a.id).expect(404);
      await api(w.eastManager).get(a.id).expect(404);
      const [row] = await ds.query(`SELECT deleted_at FROM knowledge_articles WHERE id = $1`, [a.id]);
      expect(row.deleted_at).toBeInstanceOf(Date);
      expect(ids((await api(w.eastManager).list('?deleted=true').expect(200)).body.data)).toContain(a.id);
      expect(ids((await api(w.westManager).list('?deleted=true').expect(200)).body.data)).not.toContain(a.id);
      await api(w.westManager).action(a.id, 'restore').expect(404);
      const restored = await api(w.eastManager).action(a.id, 'restore').expect(200);
      expect(restored.body).toMatchObject({ status: 'published', title: '回收站测试' });
      await api(w.agent).get(a.id).expect(200);
      expect((await audits(a.id)).map((x: { action: string }) => x.action)).toEqual(['create', 'publish', 'delete', 'restore']);
      expect((await events(a.id)).map((e: { type: string }) => e.type)).toContain('knowledge_article.deleted');
    });
  });

  describe('validation', () => {
    const bad = async (body: object, field: string, auth = w.eastManager) => {
      const res = await api(auth).create({ title: 't', problem: 'p', solution: 's', ...body }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };

    it('names the field: unknown field, wrong type, too long, too many tags, unknown case type, server-owned fields', async () => {
      await bad({ colour: 'red' }, 'colour');
      await bad({ title: 42 }, 'title');
      await bad({ title: 'x'.repeat(201) }, 'title');
      await bad({ problem: 'x'.repeat(20_001) }, 'problem');
      await bad({ solution: 'x'.repeat(50_001) }, 'solution');
      await bad({ category: 'x'.repeat(61) }, 'category');
      await bad({ tags: 'one' }, 'tags');
      await bad({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags');
      await bad({ tags: ['x'.repeat(31)] }, 'tags');
      await bad({ caseType: 'question' }, 'caseType');
      await bad({ status: 'published' }, 'status');
      await bad({ ownerId: w.agentId }, 'ownerId');
      await bad({ title: '   ' }, 'title');
      const a = await write(w.eastManager);
      const res = await api(w.eastManager).patch(a.id, 1, { title: null }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
      const feedback = await api(w.agent).action(a.id, 'feedback', { helpful: 'yes' }).expect(400);
      expect(feedback.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'helpful' })]));
      expect((await api(w.agent).list('?sort=-number').expect(400)).body.errors[0].field).toBe('sort');
      expect((await api(w.agent).list('?status=gone').expect(400)).body.errors[0].field).toBe('status');
    });
  });

  describe('who sees and changes what', () => {
    let eastDraft: Article;
    let eastPublished: Article;
    let westDraft: Article;

    beforeAll(async () => {
      eastDraft = await write(w.eastManager, { title: '华东草稿 scope-check' });
      eastPublished = await published(w.eastManager, { title: '华东已发布 scope-check' });
      westDraft = await write(w.westManager, { title: '西部草稿 scope-check' });
    });

    it("hides another department's draft from a manager (404 on read and writes, absent from list and categories)", async () => {
      await api(w.westManager).get(eastDraft.id).expect(404);
      await api(w.westManager).patch(eastDraft.id, 1, { title: 'x' }).expect(404);
      await api(w.westManager).action(eastDraft.id, 'publish').expect(404);
      await api(w.westManager).remove(eastDraft.id).expect(404);
      const list = await api(w.westManager).list('?q=scope-check').expect(200);
      expect(ids(list.body.data).sort()).toEqual([eastPublished.id, westDraft.id].sort());
      const east = await api(w.eastManager).list('?q=scope-check').expect(200);
      expect(ids(east.body.data).sort()).toEqual([eastDraft.id, eastPublished.id].sort());
      const [row] = await ds.query(`SELECT title, status, deleted_at FROM knowledge_articles WHERE id = $1`, [eastDraft.id]);
      expect(row).toEqual({ title: '华东草稿 scope-check', status: 'draft', deleted_at: null });
    });

    it('shows published articles to every reader, whatever their read scope, and no drafts', async () => {
      for (const reader of [w.agent, w.otherAgent, w.technician, w.westManager]) {
        const res = await api(reader).get(eastPublished.id).expect(200);
        expect(res.body.title).toBe('华东已发布 scope-check');
      }
      expect((await api(w.westManager).get(eastPublished.id)).body.canManage).toBe(false);
      expect((await api(w.agent).get(eastPublished.id)).body.canManage).toBe(false);
      expect((await api(w.eastManager).get(eastPublished.id)).body.canManage).toBe(true);
      await api(w.agent).get(eastDraft.id).expect(404);
      const list = await api(w.technician).list('?q=scope-check').expect(200);
      expect(ids(list.body.data)).toEqual([eastPublished.id]);
      expect((await api(w.agent).list('?q=scope-check&status=draft').expect(200)).body.data).toEqual([]);
      // Out of their manage scope, a published article is read-only for another department's manager.
      await api(w.westManager).patch(eastPublished.id, eastPublished.version, { title: 'x' }).expect(404);
    });

    it('answers 403 to a reader without service.knowledge.manage', async () => {
      const res = await api(w.agent).create({ title: 't', problem: 'p', solution: 's' }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await api(w.agent).action(eastPublished.id, 'archive').expect(403);
      await api(w.agent).remove(eastPublished.id).expect(403);
      expect(await ds.query(`SELECT 1 FROM knowledge_articles WHERE title = 't' AND owner_id = $1`, [w.agentId])).toEqual([]);
    });
  });

  describe('search, filters, sorts and paging', () => {
    let printer: Article;
    let vpn: Article;
    let toner: Article;

    beforeAll(async () => {
      printer = await published(w.eastManager, { title: '激光打印机卡纸处理', problem: '客户反馈打印时频繁卡纸', solution: '更换搓纸轮后恢复正常', category: '硬件', tags: ['打印机', '卡纸'], caseType: 'field_job' });
      vpn = await published(w.westManager, { title: 'VPN cannot connect', problem: 'The VPN client times out after login.', solution: 'Reset the network adapter and reinstall the certificate.', category: 'Network', tags: ['vpn'] });
      toner = await published(w.eastManager, { title: 'Toner smudges on paper', problem: '碳粉污染纸张', solution: 'Replace the fuser unit; 清洁定影器.', category: '硬件', tags: ['打印机'] });
      await write(w.eastManager, { title: '未发布的卡纸草稿', problem: '卡纸', solution: '草稿' });
    });

    it('finds Chinese words anywhere in title, problem or solution, every word required', async () => {
      const find = async (q: string, auth = w.agent) => ids((await api(auth).list(`?q=${encodeURIComponent(q)}`).expect(200)).body.data);
      expect(await find('搓纸轮')).toContain(printer.id);
      expect(await find('搓纸轮')).not.toContain(toner.id);
      expect(await find('卡纸')).toContain(printer.id);
      expect(await find('卡纸 更换')).toEqual([printer.id]);
      expect(await find('碳粉')).toEqual([toner.id]);
      expect(await find('定影')).toEqual([toner.id]);
      expect(await find('卡纸 定影')).toEqual([]);
      // Drafts of the author's department show to its manager, not to an agent.
      expect((await find('未发布')).length).toBe(0);
      expect((await find('未发布', w.eastManager)).length).toBe(1);
    });

    it('writes and finds a 50,000-character solution quickly (the word at its very end)', async () => {
      const started = Date.now();
      const long = await published(w.eastManager, { title: '长文', problem: '很长的解决方案', solution: `${'步骤说明。'.repeat(9_990)}最后一步校准传感器` });
      expect(Date.now() - started).toBeLessThan(3_000);
      const res = await api(w.agent).list(`?q=${encodeURIComponent('校准传感器')}`).expect(200);
      expect(ids(res.body.data)).toEqual([long.id]);
      await api(w.eastManager).remove(long.id).expect(204);
    });

    it('finds Latin words case-insensitively, escapes LIKE wildcards, one-character words too', async () => {
      const find = async (q: string) => ids((await api(w.agent).list(`?q=${encodeURIComponent(q)}`).expect(200)).body.data);
      expect(await find('vpn')).toEqual([vpn.id]);
      expect(await find('CERTIFICATE adapter')).toEqual([vpn.id]);
      expect(await find('fuser')).toEqual([toner.id]);
      expect(await find('100%')).toEqual([]);
      expect(await find('_')).toEqual([]);
      expect(await find('碳')).toEqual([toner.id]);
    });

    it('finds through the bigram index (the plan over 5,000 articles)', async () => {
      const runner = ds.createQueryRunner();
      try {
        // 5,000 unrelated articles (rolled back), so the planner weighs a real table.
        await runner.startTransaction();
        await runner.query(
          `INSERT INTO knowledge_articles (number, title, problem, solution, owner_id, status)
           SELECT 'KB-T' || i, 'Filler ' || i, md5(i::text) || ' 问题描述 ' || i, repeat(md5(i::text), 20), $1, 'published' FROM generate_series(1, 5000) i`,
          [w.eastManagerId],
        );
        await runner.query('ANALYZE knowledge_articles');
        const [{ 'QUERY PLAN': plan }] = await runner.query(
          `EXPLAIN (FORMAT JSON) SELECT id FROM knowledge_articles a WHERE a.deleted_at IS NULL AND knowledge_search_bigrams(a.title || ' ' || a.problem || ' ' || a.solution) @> knowledge_search_bigrams('搓纸轮')`,
        );
        expect(JSON.stringify(plan)).toContain('knowledge_articles_search_bigrams_idx');
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('filters by category, tag, case type (articles for any type included) and status', async () => {
      const find = async (query: string, auth = w.agent) => ids((await api(auth).list(query).expect(200)).body.data);
      const hardware = await find(`?category=${encodeURIComponent('硬件')}`);
      expect(hardware.sort()).toEqual([printer.id, toner.id].sort());
      expect(await find(`?tag=${encodeURIComponent('卡纸')}`)).toEqual([printer.id]);
      expect((await find(`?tag=${encodeURIComponent('打印机')}`)).sort()).toEqual([printer.id, toner.id].sort());
      const fieldJob = await find('?caseType=field_job&category=%E7%A1%AC%E4%BB%B6');
      expect(fieldJob.sort()).toEqual([printer.id, toner.id].sort());
      expect(await find('?caseType=complaint&category=%E7%A1%AC%E4%BB%B6')).toEqual([toner.id]);
      const drafts = (await api(w.eastManager).list('?status=draft').expect(200)).body.data;
      expect(drafts.length).toBeGreaterThan(0);
      expect(drafts.every((a: Article) => a.status === 'draft')).toBe(true);
    });

    it('lists without the text (an excerpt instead) and counts categories the reader can see', async () => {
      const res = await api(w.agent).list(`?q=${encodeURIComponent('搓纸轮')}`).expect(200);
      expect(res.body.data[0]).toMatchObject({ id: printer.id, problem: null, solution: null, excerpt: '客户反馈打印时频繁卡纸', solvedCaseCount: null, canManage: null, myFeedback: null, tags: ['打印机', '卡纸'], caseType: 'field_job', status: 'published' });
      const full = (await api(w.agent).get(printer.id).expect(200)).body;
      const { problem: _p, solution: _s, solvedCaseCount: _c, canManage: _m, myFeedback: _f, ...listed } = full;
      expect(res.body.data[0]).toMatchObject(listed);
      const categories = (await api(w.agent).categories().expect(200)).body as { category: string; count: number }[];
      expect(categories).toEqual(expect.arrayContaining([{ category: '硬件', count: 2 }, { category: 'Network', count: 1 }]));
      expect(categories.find((c) => c.category === '打印机')).toBeUndefined();
    });

    it('sorts by title, views and helpful votes, and pages by keyset without repeats', async () => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { data: Article[]; nextCursor: string | null } } = await api(w.agent).list(`?sort=title&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        all.push(...res.body.data.map((a: Article) => a.title));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(all.length).toBe(new Set(all).size);
      const { rows } = { rows: await ds.query(`SELECT title FROM knowledge_articles WHERE status = 'published' AND deleted_at IS NULL ORDER BY title, id`) };
      expect(all).toEqual(rows.map((r: { title: string }) => r.title));
      await api(w.agent).action(vpn.id, 'view').expect(204);
      await api(w.agent).action(vpn.id, 'view').expect(204);
      const byViews = (await api(w.agent).list('?sort=-viewCount&limit=1').expect(200)).body.data;
      expect(byViews[0].id).toBe(vpn.id);
      await api(w.otherAgent).action(toner.id, 'feedback', { helpful: true }).expect(200);
      await api(w.technician).action(toner.id, 'feedback', { helpful: true }).expect(200);
      const byHelpful = (await api(w.agent).list('?sort=-helpfulCount&limit=1').expect(200)).body.data;
      expect(byHelpful[0].id).toBe(toner.id);
      const counted = await api(w.agent).list('?count=true&limit=1').expect(200);
      expect(counted.body.total).toBe(rows.length);
    });
  });

  describe('views, feedback and solved cases', () => {
    it('counts views of published articles only, without moving the version or updatedAt', async () => {
      const a = await published(w.eastManager, { title: '浏览计数' });
      const before = (await api(w.agent).get(a.id)).body;
      await Promise.all([api(w.agent).action(a.id, 'view'), api(w.otherAgent).action(a.id, 'view'), api(w.agent).action(a.id, 'view')].map((r) => r.expect(204)));
      const after = (await api(w.agent).get(a.id).expect(200)).body;
      expect(after).toMatchObject({ viewCount: 3, version: before.version, updatedAt: before.updatedAt });
      const draft = await write(w.eastManager);
      await api(w.eastManager).action(draft.id, 'view').expect(204);
      await api(w.agent).action(draft.id, 'view').expect(404);
      expect((await api(w.eastManager).get(draft.id)).body.viewCount).toBe(0);
    });

    it('counts two concurrent votes of different people both, a repeated vote once, and moves a changed vote', async () => {
      const a = await published(w.eastManager, { title: '反馈计数' });
      const [one, two] = await Promise.all([api(w.agent).action(a.id, 'feedback', { helpful: true }), api(w.otherAgent).action(a.id, 'feedback', { helpful: true })]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect([one.body.helpfulCount, two.body.helpfulCount].sort()).toEqual([1, 2]);
      const same = await Promise.all([api(w.technician).action(a.id, 'feedback', { helpful: false }), api(w.technician).action(a.id, 'feedback', { helpful: false })]);
      expect(same.map((r) => r.status)).toEqual([200, 200]);
      let [row] = await ds.query(`SELECT helpful_count, not_helpful_count, version FROM knowledge_articles WHERE id = $1`, [a.id]);
      expect(row).toEqual({ helpful_count: 2, not_helpful_count: 1, version: a.version });
      const moved = await api(w.agent).action(a.id, 'feedback', { helpful: false }).expect(200);
      expect(moved.body).toEqual({ helpfulCount: 1, notHelpfulCount: 2, myFeedback: false });
      [row] = await ds.query(`SELECT helpful_count, not_helpful_count FROM knowledge_articles WHERE id = $1`, [a.id]);
      expect(row).toEqual({ helpful_count: 1, not_helpful_count: 2 });
      expect((await api(w.agent).get(a.id)).body).toMatchObject({ myFeedback: false, helpfulCount: 1, notHelpfulCount: 2 });
      expect((await api(w.otherAgent).get(a.id)).body.myFeedback).toBe(true);
      const audit = await audits(a.id);
      expect(audit.filter((x: { action: string }) => x.action === 'feedback')).toHaveLength(4);
      expect(audit.at(-1).changes).toEqual({ helpful: { before: true, after: false } });
      expect((await events(a.id)).filter((e: { type: string }) => e.type === 'knowledge_article.rated')).toHaveLength(4);
      const draft = await write(w.eastManager);
      expect((await api(w.eastManager).action(draft.id, 'feedback', { helpful: true }).expect(409)).body.code).toBe('KNOWLEDGE_STATUS_TRANSITION');
    });

    it('counts the live cases resolved with the article on its read', async () => {
      const a = await published(w.eastManager, { title: '已解决工单计数' });
      expect((await api(w.agent).get(a.id)).body.solvedCaseCount).toBe(0);
      const columns: { column_name: string; is_nullable: string; column_default: string | null }[] = await ds.query(
        `SELECT column_name, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'service_cases'`,
      );
      // Insert bare rows: every NOT NULL column without a default gets a plausible value.
      const required = columns.filter((c) => c.is_nullable === 'NO' && c.column_default === null).map((c) => c.column_name);
      const insertCase = async (deleted: boolean) => {
        const [{ customer }] = await ds.query(`INSERT INTO customers (name, name_key) VALUES ('工单客户', '工单客户') RETURNING id AS customer`);
        const values: Record<string, unknown> = { knowledge_article_id: a.id, deleted_at: deleted ? new Date() : null };
        const types: { column_name: string; data_type: string }[] = await ds.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'service_cases'`);
        for (const name of required) {
          if (name in values) continue;
          const type = types.find((c) => c.column_name === name)!.data_type;
          values[name] = name === 'customer_id' ? customer : name.endsWith('_id') || type === 'uuid' ? w.eastManagerId : type.includes('timestamp') ? new Date() : type === 'integer' ? 0 : type === 'boolean' ? false : name === 'number' ? `CS-${Math.random()}` : name === 'status' ? 'resolved' : name === 'priority' ? 'normal' : name === 'type' ? 'request' : name === 'channel' ? 'phone' : 'x';
        }
        const keys = Object.keys(values);
        await ds.query(`INSERT INTO service_cases (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(values));
      };
      await insertCase(false);
      await insertCase(false);
      await insertCase(true);
      expect((await api(w.agent).get(a.id)).body.solvedCaseCount).toBe(2);
      expect((await api(w.agent).list(`?q=${encodeURIComponent('已解决工单计数')}`)).body.data[0].solvedCaseCount).toBeNull();
    });

    it("answers the cases' validation query for published live articles only", async () => {
      const check = async (id: string) => (await ds.query(`SELECT 1 FROM knowledge_articles WHERE id = $1 AND status = 'published' AND deleted_at IS NULL`, [id])).length;
      const a = await published(w.eastManager);
      const d = await write(w.eastManager);
      expect([await check(a.id), await check(d.id)]).toEqual([1, 0]);
      await api(w.eastManager).remove(a.id).expect(204);
      expect(await check(a.id)).toBe(0);
    });
  });
});
