/**
 * Core mechanisms through HTTP on a real PostgreSQL: validation → problem+json,
 * keyset pagination, scope filter, ETag/If-Match, soft delete, audit and outbox.
 * A small "widgets" resource exists only in this test to exercise them.
 */
import { Body, Controller, Delete, Get, HttpCode, Injectable, Module, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataScope, NumberField, PageQueryDto, StringField } from '@kehu/contracts';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { Column, CreateDateColumn, DataSource, DeleteDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  applyScope,
  AuditService,
  coreEntities,
  coreMigrations,
  CurrentPrincipal,
  DomainException,
  getRawPrepared,
  type HttpReply,
  IfMatch,
  MAX_PREPARED_STATEMENTS,
  NotificationsService,
  OutboxDispatcher,
  OutboxService,
  paginate,
  parseSort,
  PRINCIPAL_RESOLVER,
  RequireModule,
  RequirePermission,
  restoreRow,
  setEtag,
  softDeleteRow,
  TransactionService,
  updateVersioned,
  type Principal,
  type PrincipalResolver,
} from './index';

@Entity('widgets')
class Widget {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt: Date | null;
}

class CreateWidgetDto {
  @StringField({ maxLength: 20, minLength: 1 }) name: string;
  @NumberField({ int: true, min: 0, max: 100 }) size: number;
}
class UpdateWidgetDto {
  @StringField({ maxLength: 20, optional: true }) name?: string;
  @NumberField({ int: true, min: 0, max: 100, optional: true }) size?: number;
}
class ListWidgetsQuery extends PageQueryDto {
  @StringField({ maxLength: 20, optional: true }) sort?: string;
}

const PERM = 'test.widget.read';
const users = { rep: 'a0000000-0000-4000-8000-000000000001', mate: 'a0000000-0000-4000-8000-000000000002', other: 'a0000000-0000-4000-8000-000000000003' };
const depts = { east: 'd0000000-0000-4000-8000-000000000001', west: 'd0000000-0000-4000-8000-000000000002' };

const principal = (userId: string, scope: DataScope | null, dept: string, team: string[]): Principal => ({
  kind: 'user',
  userId,
  actorId: userId,
  roles: [],
  permissions: scope ? { [PERM]: scope } : {},
  departmentId: dept,
  departmentSubtreeIds: [dept],
  teamMemberIds: team,
  modules: ['sales'],
});

/** A real resolver over fixed principals (the identity module provides the production one). */
class FixedPrincipals implements PrincipalResolver {
  readonly byToken: Record<string, Principal> = {
    all: principal(users.rep, DataScope.ALL, depts.east, [users.rep]),
    own: principal(users.rep, DataScope.OWN, depts.east, [users.rep, users.mate]),
    team: principal(users.rep, DataScope.TEAM, depts.east, [users.rep, users.mate]),
    dept: principal(users.rep, DataScope.DEPARTMENT, depts.east, [users.rep]),
    none: principal(users.rep, null, depts.east, [users.rep]),
    moduleOff: { ...principal(users.rep, DataScope.ALL, depts.east, [users.rep]), modules: ['service'] },
  };
  async resolve(token: string): Promise<Principal> {
    const p = this.byToken[token];
    if (!p) throw new DomainException('UNAUTHENTICATED' as never, 'bad token');
    return p;
  }
}

@Injectable()
class WidgetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}
  private scoped(p: Principal, withDeleted = false) {
    const qb = this.ds.getRepository(Widget).createQueryBuilder('w');
    if (withDeleted) qb.withDeleted().andWhere('w.deleted_at IS NOT NULL');
    return applyScope(qb, p, PERM, { owner: 'w.owner_id', department: 'w.department_id' });
  }
  list(p: Principal, q: ListWidgetsQuery) {
    const sort = parseSort(q.sort, { createdAt: { expression: 'w.created_at', key: 'createdAt' }, name: { expression: 'w.name', key: 'name' }, size: { expression: 'w.size', key: 'size' } }, '-createdAt', { expression: 'w.id', key: 'id' });
    return paginate(this.scoped(p), { sort, cursor: q.cursor, limit: q.limit, count: q.count });
  }
  async get(p: Principal, id: string) {
    const w = await this.scoped(p).andWhere('w.id = :id', { id }).getOne();
    if (!w) throw DomainException.notFound('Widget');
    return w;
  }
  create(p: Principal, dto: CreateWidgetDto) {
    return this.tx.run(async (m) => {
      const w = await m.save(Widget, { ...dto, ownerId: p.userId, departmentId: p.departmentId! });
      await this.audit.record(m, { action: 'create', entityType: 'widget', entityId: w.id });
      await this.outbox.publish(m, { type: 'widget.created', aggregateType: 'widget', aggregateId: w.id, payload: { name: w.name } });
      return w;
    });
  }
  update(p: Principal, id: string, version: number, dto: UpdateWidgetDto) {
    return this.tx.run(async (m) => {
      await this.get(p, id);
      await updateVersioned(m, Widget, id, version, { ...dto }, 'Widget');
      await this.audit.record(m, { action: 'update', entityType: 'widget', entityId: id, changes: { name: { before: null, after: dto.name } } });
      if (dto.size === 13) throw new Error('unlucky'); // proves the transaction rolls back on failure
      return m.findOneByOrFail(Widget, { id });
    });
  }
  remove(p: Principal, id: string) {
    return this.tx.run(async (m) => {
      await this.get(p, id);
      await softDeleteRow(m, Widget, id, 'Widget');
      await this.audit.record(m, { action: 'delete', entityType: 'widget', entityId: id });
    });
  }
  restore(p: Principal, id: string) {
    return this.tx.run(async (m) => {
      if (!(await this.scoped(p, true).andWhere('w.id = :id', { id }).getExists())) throw DomainException.notFound('Widget');
      await restoreRow(m, Widget, id, 'Widget');
      await this.audit.record(m, { action: 'restore', entityType: 'widget', entityId: id });
      return m.findOneByOrFail(Widget, { id });
    });
  }
}

@RequirePermission(PERM)
@Controller('widgets')
class WidgetsController {
  constructor(private readonly widgets: WidgetsService) {}
  @Get() listWidgets(@CurrentPrincipal() p: Principal, @Query() q: ListWidgetsQuery) {
    return this.widgets.list(p, q);
  }
  @Get('sales-only') @RequireModule('sales') salesOnly() {
    return { ok: true };
  }
  @Get(':id') async getWidget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply) {
    const w = await this.widgets.get(p, id);
    setEtag(res, w.version);
    return w;
  }
  @Post() createWidget(@CurrentPrincipal() p: Principal, @Body() dto: CreateWidgetDto) {
    return this.widgets.create(p, dto);
  }
  @Patch(':id') updateWidget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() v: number, @Body() dto: UpdateWidgetDto) {
    return this.widgets.update(p, id, v, dto);
  }
  @Post(':id/restore') @HttpCode(200) restoreWidget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.widgets.restore(p, id);
  }
  @Delete(':id') @HttpCode(204) async deleteWidget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    await this.widgets.remove(p, id);
  }
}

const resolver = new FixedPrincipals();

@Module({
  imports: [TypeOrmModule.forFeature([Widget])],
  controllers: [WidgetsController],
  providers: [WidgetsService, { provide: PRINCIPAL_RESOLVER, useValue: resolver }],
})
class WidgetsModule {}

describe('core mechanisms', () => {
  let t: TestApp;
  let ds: DataSource;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp({ imports: [WidgetsModule], schema: { entities: [...coreEntities, Widget], migrations: coreMigrations } });
    ds = t.app.get(DataSource);
    await ds.query(`CREATE TABLE widgets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name varchar NOT NULL, size int NOT NULL, owner_id uuid NOT NULL, department_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1, deleted_at timestamptz)`);
    // 30 rows across owners and departments, some with equal created_at to exercise the id tie-breaker.
    await ds.query(`INSERT INTO widgets (name, size, owner_id, department_id, created_at)
      SELECT 'w' || lpad(g::text, 2, '0'), g % 7,
        (ARRAY[$1, $2, $3])[1 + g % 3]::uuid, (CASE WHEN g % 3 = 2 THEN $5 ELSE $4 END)::uuid,
        timestamptz '2026-01-01' + ((g / 3) * interval '1 hour')
      FROM generate_series(1, 30) g`, [users.rep, users.mate, users.other, depts.east, depts.west]);
  });
  afterAll(() => t?.close());

  describe('errors and validation', () => {
    it('refuses an unknown field with 400 problem+json naming it', async () => {
      const res = await t.http().post('/api/v1/widgets').set(auth('all')).send({ name: 'a', size: 1, colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'colour', rule: 'whitelistValidation' }] });
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it('names each field with a wrong type or length', async () => {
      const res = await t.http().post('/api/v1/widgets').set(auth('all')).send({ name: 'x'.repeat(21), size: 'big' });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
      expect(fields).toEqual(expect.arrayContaining(['name:maxLength', 'size:isInt']));
      expect(await ds.query(`SELECT count(*)::int AS n FROM widgets WHERE name LIKE 'xxx%'`)).toEqual([{ n: 0 }]);
    });

    it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
      const res = await t.http().post('/api/v1/widgets').set(auth('all')).set('Content-Type', 'application/json').send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MALFORMED_REQUEST');
    });

    it('answers a body over the limit with 413', async () => {
      const res = await t.http().post('/api/v1/widgets').set(auth('all')).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers unknown routes and bad ids as problems, never 500', async () => {
      expect((await t.http().get('/api/v1/nothing-here').set(auth('all'))).body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
      const bad = await t.http().get('/api/v1/widgets/not-a-uuid').set(auth('all'));
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
    });

    it('hides internals of unexpected errors and rolls the transaction back', async () => {
      const [w] = await ds.query(`SELECT id, version, size FROM widgets WHERE owner_id = $1 ORDER BY name LIMIT 1`, [users.rep]);
      const res = await t.http().patch(`/api/v1/widgets/${w.id}`).set(auth('all')).set('If-Match', `"${w.version}"`).send({ size: 13 });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(res.body)).not.toMatch(/unlucky|at .*\.ts/);
      const [after] = await ds.query(`SELECT version, size FROM widgets WHERE id = $1`, [w.id]);
      expect(after).toEqual({ version: w.version, size: w.size });
      expect(await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'update'`, [w.id])).toEqual([{ n: 0 }]);
    });
  });

  describe('authentication and permission', () => {
    it('needs a bearer token', async () => {
      const res = await t.http().get('/api/v1/widgets');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
    it('refuses a module switched off for the caller\'s department', async () => {
      const res = await t.http().get('/api/v1/widgets/sales-only').set(auth('moduleOff'));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('MODULE_DISABLED');
      expect((await t.http().get('/api/v1/widgets/sales-only').set(auth('all'))).body).toEqual({ ok: true });
    });
    it('needs the permission', async () => {
      const res = await t.http().get('/api/v1/widgets').set(auth('none'));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });

  describe('keyset pagination', () => {
    it('walks every row exactly once in order, with a total when asked', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first = true;
      do {
        const res: { status: number; body: { data: Widget[]; nextCursor: string | null; total?: number } } = await t
          .http()
          .get('/api/v1/widgets')
          .query({ limit: 7, sort: 'size', ...(cursor ? { cursor } : {}), ...(first ? { count: 'true' } : {}) })
          .set(auth('all'));
        expect(res.status).toBe(200);
        if (first) expect(res.body.total).toBe(30);
        first = false;
        seen.push(...res.body.data.map((w) => `${w.size}:${w.id}`));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      const sizes = seen.map((s) => Number(s.split(':')[0]));
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    });

    it('pages by timestamps that differ only in microseconds without repeating or skipping rows', async () => {
      await ds.query(`UPDATE widgets SET created_at = timestamptz '2026-02-01 00:00:00' + (substr(name, 2)::int * interval '1 microsecond') WHERE owner_id = $1`, [users.rep]);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const res: { body: { data: Widget[]; nextCursor: string | null } } = await t.http().get('/api/v1/widgets').query({ limit: 3, sort: 'createdAt', ...(cursor ? { cursor } : {}) }).set(auth('own'));
        seen.push(...res.body.data.map((w) => w.id));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(10);
      expect(new Set(seen).size).toBe(10);
    });

    it('refuses a limit over 200, an unknown sort and a forged cursor', async () => {
      expect((await t.http().get('/api/v1/widgets?limit=201').set(auth('all'))).body.errors[0].field).toBe('limit');
      expect((await t.http().get('/api/v1/widgets?sort=ownerId').set(auth('all'))).body.errors[0].field).toBe('sort');
      const forged = await t.http().get('/api/v1/widgets?cursor=abc').set(auth('all'));
      expect(forged.status).toBe(400);
      expect(forged.body.code).toBe('INVALID_CURSOR');
    });
  });

  describe('data scope', () => {
    const names = async (token: string) => {
      const res = await t.http().get('/api/v1/widgets?limit=200&count=true').set(auth(token));
      return { ids: res.body.data.map((w: Widget) => w.ownerId + '/' + w.departmentId), total: res.body.total as number };
    };
    it('own sees only own rows, team its team, department its subtree, all everything', async () => {
      const own = await names('own');
      expect(own.total).toBe(10);
      expect(own.ids.every((s: string) => s.startsWith(users.rep))).toBe(true);
      const team = await names('team');
      expect(team.total).toBe(20);
      expect(team.ids.some((s: string) => s.startsWith(users.other))).toBe(false);
      const dept = await names('dept');
      expect(dept.total).toBe(20);
      expect(dept.ids.every((s: string) => s.endsWith(depts.east))).toBe(true);
      expect((await names('all')).total).toBe(30);
    });
    it('answers 404 for a row outside the scope, on read and write', async () => {
      const [foreign] = await ds.query(`SELECT id, version FROM widgets WHERE owner_id = $1 LIMIT 1`, [users.other]);
      expect((await t.http().get(`/api/v1/widgets/${foreign.id}`).set(auth('own'))).status).toBe(404);
      expect((await t.http().patch(`/api/v1/widgets/${foreign.id}`).set(auth('team')).set('If-Match', `"${foreign.version}"`).send({ name: 'mine' })).status).toBe(404);
      expect((await t.http().delete(`/api/v1/widgets/${foreign.id}`).set(auth('own'))).status).toBe(404);
      expect((await ds.query(`SELECT name, deleted_at FROM widgets WHERE id = $1`, [foreign.id]))[0].deleted_at).toBeNull();
    });
  });

  describe('optimistic concurrency, audit and outbox', () => {
    let id: string;
    beforeAll(async () => {
      const res = await t.http().post('/api/v1/widgets').set(auth('all')).send({ name: 'gear', size: 3 });
      expect(res.status).toBe(201);
      id = res.body.id;
    });

    it('writes an audit row and an outbox event in the same transaction as the create', async () => {
      expect(await ds.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1`, [id])).toEqual([{ action: 'create', actor_id: users.rep }]);
      expect(await ds.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1`, [id])).toEqual([{ type: 'widget.created', payload: { name: 'gear' } }]);
    });

    it('sends an ETag and needs If-Match to update: 428 without, 412 when stale, 200 when current', async () => {
      const got = await t.http().get(`/api/v1/widgets/${id}`).set(auth('all'));
      expect(got.headers.etag).toBe('"1"');
      expect((await t.http().patch(`/api/v1/widgets/${id}`).set(auth('all')).send({ name: 'cog' })).status).toBe(428);
      const ok = await t.http().patch(`/api/v1/widgets/${id}`).set(auth('all')).set('If-Match', got.headers.etag).send({ name: 'cog' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: 'cog', version: 2 });
      const stale = await t.http().patch(`/api/v1/widgets/${id}`).set(auth('all')).set('If-Match', got.headers.etag).send({ name: 'sprocket' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      expect((await ds.query(`SELECT name, version FROM widgets WHERE id = $1`, [id]))[0]).toEqual({ name: 'cog', version: 2 });
    });

    it('lets exactly one of two concurrent updates with the same version win', async () => {
      const [{ version }] = await ds.query(`SELECT version FROM widgets WHERE id = $1`, [id]);
      const send = (name: string) => t.http().patch(`/api/v1/widgets/${id}`).set(auth('all')).set('If-Match', `"${version}"`).send({ name });
      const statuses = (await Promise.all([send('left'), send('right')])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      expect((await ds.query(`SELECT version FROM widgets WHERE id = $1`, [id]))[0].version).toBe(version + 1);
    });

    it('keeps the audit log append-only', async () => {
      await expect(ds.query(`UPDATE audit_events SET action = 'x' WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_events WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
    });

    it('soft-deletes: the row leaves lists and reads but stays in the table', async () => {
      expect((await t.http().delete(`/api/v1/widgets/${id}`).set(auth('all'))).status).toBe(204);
      expect((await t.http().get(`/api/v1/widgets/${id}`).set(auth('all'))).status).toBe(404);
      expect((await ds.query(`SELECT deleted_at IS NOT NULL AS deleted FROM widgets WHERE id = $1`, [id]))[0].deleted).toBe(true);
      expect((await t.http().delete(`/api/v1/widgets/${id}`).set(auth('all'))).status).toBe(404);
    });

    it('restores a deleted row once, within scope only, bumping the version', async () => {
      const [before] = await ds.query(`SELECT version FROM widgets WHERE id = $1`, [id]);
      const restored = await t.http().post(`/api/v1/widgets/${id}/restore`).set(auth("all"));
      expect(restored.body).toMatchObject({ id });
      const got = await t.http().get(`/api/v1/widgets/${id}`).set(auth('all'));
      expect(got.status).toBe(200);
      expect(got.body.version).toBe(before.version + 1);
      expect((await t.http().post(`/api/v1/widgets/${id}/restore`).set(auth('all'))).status).toBe(404);
      const [[foreign]] = await ds.query(`UPDATE widgets SET deleted_at = now() WHERE owner_id = $1 AND deleted_at IS NULL RETURNING id`, [users.other]);
      expect((await t.http().post(`/api/v1/widgets/${foreign.id}/restore`).set(auth('own'))).status).toBe(404);
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'restore'`, [id])).toHaveLength(1);
      await t.http().delete(`/api/v1/widgets/${id}`).set(auth('all'));
    });

    it('stores an event no subscriber takes as delivered: the dispatcher never fetches it', async () => {
      // Nothing subscribes to widget.* yet: the create above and the updates were stored delivered.
      const pending = await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND dispatched_at IS NULL`, [id]);
      expect(pending[0].n).toBe(0);
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1`, [id]))[0].n).toBeGreaterThan(0);
      expect(await t.app.get(OutboxDispatcher).dispatchOnce()).toBe(0);
    });

    it('dispatches outbox events to subscribers once, retrying a failing one later', async () => {
      const dispatcher = t.app.get(OutboxDispatcher);
      const delivered: string[] = [];
      let failOnce = true;
      dispatcher.subscribe('widget.*', async (e) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('webhook down');
        }
        delivered.push(e.aggregateId);
      });
      const created = await t.http().post('/api/v1/widgets').set(auth('all')).send({ name: 'flange', size: 2 }).expect(201);
      const widget = created.body.id as string;
      await dispatcher.dispatchOnce();
      const [failed] = await ds.query(`SELECT attempts, last_error, dispatched_at FROM outbox_events WHERE aggregate_id = $1`, [widget]);
      expect(failed).toMatchObject({ attempts: 1, last_error: 'webhook down', dispatched_at: null });
      await ds.query(`UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id = $1`, [widget]);
      await dispatcher.dispatchOnce();
      await dispatcher.dispatchOnce();
      expect(delivered).toEqual([widget]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`))[0].n).toBe(0);
    });

    it('asks a predicate subscriber per event, runs its handler in the dispatch transaction, and keeps one failing statement from the others', async () => {
      const dispatcher = t.app.get(OutboxDispatcher);
      const outbox = t.app.get(OutboxService);
      const tx = t.app.get(TransactionService);
      await ds.query(`CREATE TABLE gadget_log (aggregate_id text NOT NULL)`);
      let interested = false;
      dispatcher.subscribe(
        (type) => interested && type.startsWith('gadget.'),
        async (e, m) => {
          if (e.aggregateId === 'bad') await m.query(`SELECT 1 / 0`);
          await m.query(`INSERT INTO gadget_log VALUES ($1)`, [e.aggregateId]);
        },
      );
      const publish = (aggregateId: string) => tx.run((m) => outbox.publish(m, { type: 'gadget.made', aggregateType: 'gadget', aggregateId }));
      await publish('unwanted');
      expect((await ds.query(`SELECT dispatched_at FROM outbox_events WHERE aggregate_id = 'unwanted'`))[0].dispatched_at).not.toBeNull();
      interested = true;
      await publish('good-1');
      await publish('bad');
      await publish('good-2');
      await dispatcher.dispatchOnce();
      expect((await ds.query(`SELECT aggregate_id FROM gadget_log ORDER BY 1`)).map((r: { aggregate_id: string }) => r.aggregate_id)).toEqual(['good-1', 'good-2']);
      const rows = await ds.query(`SELECT aggregate_id, attempts, last_error, dispatched_at IS NOT NULL AS done FROM outbox_events WHERE aggregate_type = 'gadget' ORDER BY id`);
      expect(rows).toEqual([
        { aggregate_id: 'unwanted', attempts: 0, last_error: null, done: true },
        { aggregate_id: 'good-1', attempts: 0, last_error: null, done: true },
        { aggregate_id: 'bad', attempts: 1, last_error: 'division by zero', done: false },
        { aggregate_id: 'good-2', attempts: 0, last_error: null, done: true },
      ]);
      // At most 50 handled events per transaction (each holds a subtransaction); the rest come next.
      await tx.run((m) => outbox.publishMany(m, 'gadget.made', 'gadget', Array.from({ length: 60 }, (_, i) => ({ aggregateId: `many-${i}` }))));
      expect(await dispatcher.dispatchOnce()).toBe(50);
      expect(await dispatcher.dispatchOnce()).toBe(10);
      expect((await ds.query(`SELECT count(*)::int AS n FROM gadget_log WHERE aggregate_id LIKE 'many-%'`))[0].n).toBe(60);
      interested = false;
    });

    it('hands a batch subscriber all its events of a batch in one call, in order; a failing call retries all of them', async () => {
      const dispatcher = t.app.get(OutboxDispatcher);
      const outbox = t.app.get(OutboxService);
      const tx = t.app.get(TransactionService);
      const calls: string[][] = [];
      let failNext = false;
      dispatcher.subscribeBatch('gizmo.*', async (events, m) => {
        calls.push(events.map((e) => e.aggregateId));
        await m.query(`CREATE TABLE IF NOT EXISTS gizmo_log (aggregate_id text NOT NULL)`);
        await m.query(`INSERT INTO gizmo_log SELECT unnest($1::text[])`, [events.map((e) => e.aggregateId)]);
        if (failNext) await m.query(`SELECT 1 / 0`);
      });
      // Far more than the 50 per-event handlers a transaction takes: a batch subscriber gets them all at once.
      await tx.run((m) => outbox.publishMany(m, 'gizmo.made', 'gizmo', Array.from({ length: 120 }, (_, i) => ({ aggregateId: `g-${String(i).padStart(3, '0')}` }))));
      expect(await dispatcher.dispatchOnce()).toBe(120);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toEqual(Array.from({ length: 120 }, (_, i) => `g-${String(i).padStart(3, '0')}`));
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_type = 'gizmo' AND dispatched_at IS NULL`))[0].n).toBe(0);
      // A failing call writes nothing (its savepoint rolls back) and every one of its events retries.
      failNext = true;
      await tx.run((m) => outbox.publishMany(m, 'gizmo.made', 'gizmo', [{ aggregateId: 'x-1' }, { aggregateId: 'x-2' }]));
      await dispatcher.dispatchOnce();
      expect(await ds.query(`SELECT aggregate_id FROM gizmo_log WHERE aggregate_id LIKE 'x-%'`)).toEqual([]);
      expect(await ds.query(`SELECT aggregate_id, attempts, last_error FROM outbox_events WHERE aggregate_id LIKE 'x-%' ORDER BY id`)).toEqual([
        { aggregate_id: 'x-1', attempts: 1, last_error: 'division by zero' },
        { aggregate_id: 'x-2', attempts: 1, last_error: 'division by zero' },
      ]);
      failNext = false;
      await ds.query(`UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id LIKE 'x-%'`);
      await dispatcher.dispatchOnce();
      expect((await ds.query(`SELECT count(*)::int AS n FROM gizmo_log WHERE aggregate_id LIKE 'x-%'`))[0].n).toBe(2);
    });
  });
  describe('notifications', () => {
    it('keeps each inbox private, skips duplicates by key, and marks read', async () => {
      const svc = t.app.get(NotificationsService);
      const tx = t.app.get(TransactionService);
      const first = await tx.run((m) =>
        svc.notify(m, [
          { userId: users.rep, kind: 'pool.return_soon', title: 'Returns in 3 days', dedupeKey: 'c1:2026-02-01', link: '/sales/customers/c1' },
          { userId: users.rep, kind: 'pool.return_soon', title: 'Returns in 3 days', dedupeKey: 'c1:2026-02-01' },
          { userId: users.mate, kind: 'receivable.overdue', title: 'Overdue' },
        ]),
      );
      expect(first).toBe(2);
      // Running the same reminder again (another replica, a rerun) adds nothing.
      expect(await tx.run((m) => svc.notify(m, [{ userId: users.rep, kind: 'pool.return_soon', title: 'again', dedupeKey: 'c1:2026-02-01' }]))).toBe(0);

      const mine = await t.http().get('/api/v1/notifications').set(auth('all'));
      expect(mine.status).toBe(200);
      expect(mine.body.data).toHaveLength(1);
      expect(mine.body.data[0]).toMatchObject({ kind: 'pool.return_soon', title: 'Returns in 3 days', link: '/sales/customers/c1', readAt: null });
      expect((await t.http().get('/api/v1/notifications/unread-count').set(auth('all'))).body).toEqual({ unread: 1 });

      const [{ id: matesId }] = await ds.query(`SELECT id FROM notifications WHERE user_id = $1`, [users.mate]);
      expect((await t.http().post(`/api/v1/notifications/${matesId}/read`).set(auth('all'))).status).toBe(404);
      const read = await t.http().post(`/api/v1/notifications/${mine.body.data[0].id}/read`).set(auth('all'));
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect((await t.http().get('/api/v1/notifications?unread=true').set(auth('all'))).body.data).toEqual([]);
      expect((await ds.query(`SELECT read_at FROM notifications WHERE id = $1`, [matesId]))[0].read_at).toBeNull();

      await tx.run((m) => svc.notify(m, [{ userId: users.rep, kind: 'x', title: 'another' }]));
      expect((await t.http().post('/api/v1/notifications/read-all').set(auth('all'))).body).toEqual({ unread: 0 });
      expect((await t.http().get('/api/v1/notifications/unread-count').set(auth('all'))).body).toEqual({ unread: 0 });
    });
  });

  describe('prepared statements', () => {
    const byId = (qb: ReturnType<DataSource['createQueryBuilder']>, id: string) => qb.select('w.name', 'name').from(Widget, 'w').where('w.id = :id', { id });

    it('answers like an unprepared query, parsed once per connection, and inside a transaction on its connection', async () => {
      const ids: { id: string; name: string }[] = await ds.query(`SELECT id, name FROM widgets WHERE deleted_at IS NULL ORDER BY name LIMIT 8`);
      // Past the fifth execution PostgreSQL may switch to a generic plan: every answer stays right.
      for (const { id, name } of ids) expect(await getRawPrepared(byId(ds.createQueryBuilder(), id))).toEqual([{ name }]);
      expect(await getRawPrepared(byId(ds.createQueryBuilder(), '00000000-0000-4000-8000-000000000000'))).toEqual([]);

      const runner = ds.createQueryRunner();
      await runner.startTransaction();
      try {
        const [{ id }] = await runner.query(`INSERT INTO widgets (name, size, owner_id, department_id) VALUES ('uncommitted', 1, $1, $2) RETURNING id`, [users.rep, depts.east]);
        // Only the transaction's own connection sees the row it has not committed yet.
        expect(await getRawPrepared(byId(runner.manager.createQueryBuilder(), id))).toEqual([{ name: 'uncommitted' }]);
        const [text] = byId(ds.createQueryBuilder(), id).getQueryAndParameters();
        const prepared = await runner.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
        expect(prepared).toEqual([{ name: expect.stringMatching(/^kehu_/) }]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('runs statements past the cap unprepared, with the same answers', async () => {
      const rows: { name: string }[] = await ds.query(`SELECT name FROM widgets WHERE deleted_at IS NULL ORDER BY name`);
      for (let n = 1; n <= MAX_PREPARED_STATEMENTS + 5; n++) {
        // Each limit is another statement text.
        const page = await getRawPrepared(ds.createQueryBuilder().select('w.name', 'name').from(Widget, 'w').orderBy('w.name').limit(n));
        expect(page).toEqual(rows.slice(0, n));
      }
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name LIKE 'kehu_%'`);
      expect(count).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
    });
  });
});
