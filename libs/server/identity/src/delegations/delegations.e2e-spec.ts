/**
 * Delegations (代录入) through HTTP: an admin grants clerk → rep; the clerk then acts as
 * the rep with `X-On-Behalf-Of`, and audit shows both. Ended grants answer
 * DELEGATION_EXPIRED; the usage report counts what clerks entered for each rep.
 */
import { Body, Controller, HttpCode, Injectable, Module, Post } from '@nestjs/common';
import { StringField } from '@kehu/contracts';
import { AuditService, coreEntities, coreMigrations, CurrentPrincipal, RequirePermission, TransactionService, type Principal } from '@kehu/server-core';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { addTestUser, type TestUser } from '../auth/test-users.test-helper';
import { IdentityModule, identityEntities, identityMigrations } from '../index';

class NoteDto {
  @StringField({ maxLength: 50 }) text: string;
}

/** Stands in for a domain write (a customer, a lead …): one audited change. */
@Injectable()
class NotesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}
  write(p: Principal, text: string) {
    return this.tx.run(async (m) => {
      await this.audit.record(m, { action: 'create', entityType: 'note', entityId: text, changes: { ownerId: { before: null, after: p.userId } } });
      return { ownerId: p.userId };
    });
  }
}

@Controller('test-notes')
class NotesController {
  constructor(private readonly notes: NotesService) {}
  @Post() @HttpCode(201) @RequirePermission('sales.customer.create') createTestNote(@CurrentPrincipal() p: Principal, @Body() dto: NoteDto) {
    return this.notes.write(p, dto.text);
  }
}

@Module({ controllers: [NotesController], providers: [NotesService] })
class NotesModule {}

describe('delegations', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let clerk: TestUser, rep: TestUser, rep2: TestUser;
  let clerkToken: string, repToken: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const grant = (body: Record<string, unknown>) => t.http().post('/api/v1/delegations').set(bearer(admin)).send(body);
  const asRep = (repId: string) => ({ ...bearer(clerkToken), 'X-On-Behalf-Of': repId });
  const note = (headers: Record<string, string>, text: string) => t.http().post('/api/v1/test-notes').set(headers).send({ text });

  beforeAll(async () => {
    t = await createTestApp({ imports: [IdentityModule, NotesModule], schema: { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] } });
    ds = t.app.get(DataSource);
    admin = await t.login();
    [clerk, rep, rep2] = await Promise.all([addTestUser(t.app, 'clerk@kehu.test', ['clerk'], 'Clerk'), addTestUser(t.app, 'rep@kehu.test', ['sales_rep'], 'Rep One'), addTestUser(t.app, 'rep2@kehu.test', ['sales_rep'], 'Rep Two')]);
    clerkToken = await t.login(clerk.email, clerk.password);
    repToken = await t.login(rep.email, rep.password);
  });
  afterAll(() => t?.close());

  it('grants clerk → rep, audited; only admins may', async () => {
    const res = await grant({ clerkId: clerk.id, repId: rep.id, endsAt: inOneHour() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clerkId: clerk.id, repId: rep.id, revokedAt: null, createdBy: expect.any(String) });
    const [row] = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'delegation' AND entity_id = $1`, [res.body.id]);
    expect(row).toMatchObject({ action: 'create', changes: { clerkId: { after: clerk.id }, repId: { after: rep.id } } });
    expect((await t.http().post('/api/v1/delegations').set(bearer(clerkToken)).send({ clerkId: clerk.id, repId: rep2.id, endsAt: inOneHour() })).status).toBe(403);
  });

  it('validates: unknown field, endsAt in the past, same person, unknown user', async () => {
    const unknown = await grant({ clerkId: clerk.id, repId: rep.id, endsAt: inOneHour(), scope: 'all' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'scope', rule: 'whitelistValidation' })]);
    const past = await grant({ clerkId: clerk.id, repId: rep.id, endsAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('endsAt');
    expect((await grant({ clerkId: clerk.id, repId: clerk.id, endsAt: inOneHour() })).body.errors[0].field).toBe('repId');
    expect((await grant({ clerkId: clerk.id, repId: '00000000-0000-4000-8000-000000000000', endsAt: inOneHour() })).body.errors[0].field).toBe('repId');
    expect((await grant({ clerkId: 'nobody', repId: rep.id, endsAt: inOneHour() })).body.errors[0].field).toBe('clerkId');
  });

  it('lets the clerk act as the rep: /me is the rep, audit has actor = clerk and on_behalf_of = rep', async () => {
    const me = await t.http().get('/api/v1/me').set(asRep(rep.id));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: rep.id, email: rep.email }, roles: ['sales_rep'], scope: 'own' });

    const res = await note(asRep(rep.id), 'delegated-1');
    expect(res.status).toBe(201);
    expect(res.body.ownerId).toBe(rep.id);
    const [row] = await ds.query(`SELECT actor_id, on_behalf_of_id FROM audit_events WHERE entity_type = 'note' AND entity_id = 'delegated-1'`);
    expect(row).toEqual({ actor_id: clerk.id, on_behalf_of_id: rep.id });

    // Without the header the clerk is themself.
    expect((await t.http().get('/api/v1/me').set(bearer(clerkToken))).body.user.id).toBe(clerk.id);
  });

  it('answers 403 FORBIDDEN without a grant, 403 DELEGATION_EXPIRED once it has ended or been revoked', async () => {
    const none = await t.http().get('/api/v1/me').set(asRep(rep2.id));
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('FORBIDDEN');
    expect((await t.http().get('/api/v1/me').set(asRep('not-a-uuid'))).body.code).toBe('FORBIDDEN');

    const ended = (await grant({ clerkId: clerk.id, repId: rep2.id, endsAt: inOneHour() })).body;
    expect((await t.http().get('/api/v1/me').set(asRep(rep2.id))).status).toBe(200);
    await ds.query(`UPDATE delegations SET ends_at = now() - interval '1 second' WHERE id = $1`, [ended.id]);
    const expired = await t.http().get('/api/v1/me').set(asRep(rep2.id));
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe('DELEGATION_EXPIRED');

    const revoked = (await grant({ clerkId: clerk.id, repId: rep2.id, endsAt: inOneHour() })).body;
    expect((await note(asRep(rep2.id), 'rep2-before-revoke')).status).toBe(201);
    expect((await t.http().delete(`/api/v1/delegations/${revoked.id}`).set(bearer(admin))).status).toBe(204);
    expect((await t.http().delete(`/api/v1/delegations/${revoked.id}`).set(bearer(admin))).status).toBe(204);
    expect((await note(asRep(rep2.id), 'rep2-after-revoke')).body.code).toBe('DELEGATION_EXPIRED');
    expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'delegation' AND entity_id = $1 ORDER BY id`, [revoked.id])).toEqual([{ action: 'create' }, { action: 'revoke' }]);
    expect((await t.http().delete('/api/v1/delegations/00000000-0000-4000-8000-000000000000').set(bearer(admin))).status).toBe(404);
  });

  it('lists grants newest first with filters and keyset paging', async () => {
    const all = await t.http().get('/api/v1/delegations?count=true').set(bearer(admin));
    expect(all.body.total).toBe(3);
    const byRep = await t.http().get(`/api/v1/delegations?repId=${rep2.id}`).set(bearer(admin));
    expect(byRep.body.data).toHaveLength(2);
    expect(byRep.body.data.map((d: { revokedAt: string | null }) => d.revokedAt !== null)).toEqual([true, false]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/delegations')
        .query({ clerkId: clerk.id, limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(admin));
      seen.push(...page.body.data.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((d: { id: string }) => d.id));
  });

  it('reports per rep how much a clerk entered for them', async () => {
    // rep: 1 delegated note so far, + 2 of their own and 2 more by the clerk = 5 changes, 3 delegated.
    await note(bearer(repToken), 'own-1');
    await note(bearer(repToken), 'own-2');
    await note(asRep(rep.id), 'delegated-2');
    await note(asRep(rep.id), 'delegated-3');
    await note(bearer(clerkToken), 'clerk-own'); // the clerk is not a rep: not reported
    const res = await t.http().get('/api/v1/delegations/usage').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { repId: rep.id, repName: 'Rep One', total: 5, delegated: 3, share: 0.6 },
      // rep2: one note by the clerk before the revocation; logins do not count as changes.
      { repId: rep2.id, repName: 'Rep Two', total: 1, delegated: 1, share: 1 },
    ]);
    const future = await t.http().get('/api/v1/delegations/usage').query({ from: '2099-01-01T00:00:00Z', to: '2099-02-01T00:00:00Z' }).set(bearer(admin));
    expect(future.body).toEqual([]);
    const reversed = await t.http().get('/api/v1/delegations/usage').query({ from: '2099-02-01T00:00:00Z', to: '2099-01-01T00:00:00Z' }).set(bearer(admin));
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].field).toBe('from');
  });
});
