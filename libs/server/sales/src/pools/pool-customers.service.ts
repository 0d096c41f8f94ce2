import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataScope,
  ErrorCode,
  OwnershipChangeKind,
  type AssignCustomerDto,
  type BatchClaimResultDto,
  type ClaimResultDto,
  type ImportPoolCustomersDto,
  type ImportPoolCustomersResultDto,
  type ListPoolCustomersQuery,
  type Page,
  type PoolCustomerDetailDto,
  type PoolCustomerDto,
  type PoolQuotaDto,
  type ReleaseCustomerDto,
} from '@kehu/contracts';
import { APP_CONFIG, type AppConfig, AuditService, Clock, DomainException, fieldError, likePattern, OutboxService, paginate, parseSort, type Principal, TransactionService } from '@kehu/server-core';
import { companyKey, completeness, Customer, CustomersRepository, normalizeEmail, normalizePhone, normalizeText } from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../activities/time-zone';
import { OwnerCapacity } from '../ownership/owner-capacity';
import { OwnershipHistoryRepository } from '../ownership/ownership-history.repository';
import { renderReason } from '../ownership/ownership-reason';
import { Pool } from './pool.entity';
import { PoolsService } from './pools.service';

const DAY_MS = 86_400_000;

const sorts = {
  poolEnteredAt: { expression: 'coalesce(c.pool_entered_at, c.created_at)', key: 'poolEnteredAt' },
  name: { expression: 'c.name', key: 'name' },
  lastFollowUpAt: { expression: "coalesce(c.last_follow_up_at, '-infinity'::timestamptz)", key: 'lastFollowUpAt' },
};

/**
 * What happens to customers around the pool: list and preview, claim (the conditional
 * UPDATE decides races), release, manager assignment, lock, move, import. Every change
 * writes an ownership-history row and an audit row in the same transaction; contacts
 * follow the customer's owner through the customers lib's trigger.
 */
@Injectable()
export class PoolCustomersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly pools: PoolsService,
    private readonly customers: CustomersRepository,
    private readonly capacity: OwnerCapacity,
    private readonly history: OwnershipHistoryRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, poolId: string, q: ListPoolCustomersQuery): Promise<Page<PoolCustomerDto>> {
    const pool = await this.pools.visible(principal, poolId);
    const qb = this.ds.getRepository(Customer).createQueryBuilder('c').where('c.pool_id = :poolId AND c.owner_id IS NULL', { poolId });
    if (q.q) qb.andWhere('c.name ILIKE :q', { q: likePattern(q.q) });
    if (q.grade) qb.andWhere('c.grade = :grade', { grade: q.grade });
    if (q.industry) qb.andWhere('c.industry = :industry', { industry: q.industry });
    if (q.province) qb.andWhere('c.province = :province', { province: q.province });
    const sort = parseSort(q.sort, sorts, '-poolEnteredAt', { expression: 'c.id', key: 'id' });
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    return { ...page, data: await this.toDtos(page.data, pool) };
  }

  /** The preview before claiming: customer, ownership history and the last follow-ups, in one call. */
  async detail(principal: Principal, customerId: string): Promise<PoolCustomerDetailDto> {
    const { customer, pool } = await this.inVisiblePool(principal, customerId);
    const [[dto], ownershipHistory, followUps, [opps]] = await Promise.all([
      this.toDtos([customer], pool),
      this.history.periods(customerId),
      this.ds.query(
        `SELECT id, type, subject, outcome, occurred_at AS "occurredAt", owner_id AS "ownerId" FROM activities
          WHERE customer_id = $1 AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 20`,
        [customerId],
      ),
      this.ds.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'won')::int AS won FROM opportunities WHERE customer_id = $1 AND deleted_at IS NULL`, [customerId]),
    ]);
    return {
      customer: dto,
      ownershipHistory,
      recentFollowUps: followUps.map((f: { occurredAt: Date }) => ({ ...f, occurredAt: f.occurredAt.toISOString() })),
      opportunityCount: opps.n,
      wonOpportunityCount: opps.won,
    };
  }

  claim(principal: Principal, customerId: string): Promise<ClaimResultDto> {
    return this.tx.run((m) => this.claimIn(m, principal, customerId));
  }

  /**
   * Per-row results, in the order given: each row is its own transaction, so rows before
   * a refusal stay claimed (and the daily limit stops the rest with CLAIM_DAILY_LIMIT).
   */
  async batchClaim(principal: Principal, customerIds: string[]): Promise<BatchClaimResultDto> {
    const results: BatchClaimResultDto['results'] = [];
    for (const customerId of [...new Set(customerIds)]) {
      try {
        await this.claim(principal, customerId);
        results.push({ customerId, claimed: true, code: null, detail: null });
      } catch (err) {
        if (!(err instanceof DomainException)) throw err;
        results.push({ customerId, claimed: false, code: err.code, detail: err.message });
      }
    }
    const claimed = results.filter((r) => r.claimed).length;
    return { claimed, refused: results.length - claimed, results };
  }

  /** The caller's standing in a pool: today's claims, owned and locked against their limits. */
  async quota(principal: Principal, poolId: string): Promise<PoolQuotaDto> {
    const pool = await this.pools.visible(principal, poolId);
    const [cap, claimedToday] = await Promise.all([this.capacity.of(this.ds.manager, principal.userId), this.claimsToday(this.ds.manager, principal.userId, poolId)]);
    return { poolId, claimedToday, dailyClaimLimit: pool.rules.dailyClaimLimit ?? null, ...cap };
  }

  /** The owner (or a manager in scope) gives the customer back to a pool, with a reason. */
  release(principal: Principal, customerId: string, dto: ReleaseCustomerDto): Promise<PoolCustomerDto> {
    return this.tx.run(async (m) => {
      const c = await this.customers.get(principal, customerId, 'sales.pool.claim', m);
      if (!c.ownerId) throw new DomainException(ErrorCode.CONFLICT, 'The customer is already in the pool.');
      if (c.lockedAt) throw new DomainException(ErrorCode.CUSTOMER_LOCKED, 'The customer is locked; unlock it before releasing it.');
      const pool = dto.poolId ? await this.pools.visible(principal, dto.poolId, m) : await this.pools.returnPoolOf(m, c);
      if (!pool.enabled) throw fieldError('poolId', 'enabled', 'poolId names a disabled pool');
      const now = this.clock.now();
      const moved = await m.query(
        `UPDATE customers SET owner_id = NULL, pool_id = $2, pool_entered_at = $3, claimed_at = NULL, version = version + 1, updated_at = $3
          WHERE id = $1 AND owner_id = $4 AND locked_at IS NULL RETURNING id`,
        [customerId, pool.id, now, c.ownerId],
      );
      if (!moved[0].length) throw new DomainException(ErrorCode.CONFLICT, 'The customer changed meanwhile; reload and try again.');
      await this.history.record(m, { customerId, kind: OwnershipChangeKind.RELEASED, fromOwnerId: c.ownerId, toOwnerId: null, poolId: pool.id, reasonCode: 'released', reasonParams: { note: dto.reason }, actorId: principal.actorId, at: now });
      await this.audit.record(m, { action: 'pool_release', entityType: 'customer', entityId: customerId, changes: { ownerId: { before: c.ownerId, after: null }, poolId: { before: c.poolId, after: pool.id }, reason: { before: null, after: dto.reason } } });
      await this.outbox.publish(m, { type: 'customer.released', aggregateType: 'customer', aggregateId: customerId, payload: { fromOwnerId: c.ownerId, poolId: pool.id } });
      const [out] = await this.toDtos([await m.findOneByOrFail(Customer, { id: customerId })], pool, m);
      return out;
    });
  }

  /**
   * A manager gives a customer (from a visible pool, or owned within their sales.pool.assign
   * scope) to a user of their departments (any user with all scope). Capacity applies;
   * daily limit, cooldown and waiting period do not.
   */
  assign(principal: Principal, customerId: string, dto: AssignCustomerDto): Promise<ClaimResultDto> {
    return this.tx.run(async (m) => {
      const c = await this.assignable(m, principal, customerId);
      if (c.lockedAt) throw new DomainException(ErrorCode.CUSTOMER_LOCKED, 'The customer is locked; unlock it before reassigning it.');
      if (c.ownerId === dto.ownerId) throw fieldError('ownerId', 'changed', 'the customer already belongs to ownerId');
      const target = await m.findOne(User, { where: { id: dto.ownerId, active: true } });
      if (!target) throw fieldError('ownerId', 'exists', 'ownerId does not name an active user');
      const scope = principal.permissions['sales.pool.assign'];
      if (scope !== DataScope.ALL && !(target.departmentId && principal.departmentSubtreeIds.includes(target.departmentId))) {
        throw fieldError('ownerId', 'inScope', 'ownerId must be a user of your departments');
      }
      await this.capacity.lockOwner(m, target.id);
      await this.capacity.checkOwned(m, target.id);
      const now = this.clock.now();
      const moved = await m.query(
        `UPDATE customers SET owner_id = $2, department_id = $3, claimed_at = $4, version = version + 1, updated_at = $4
          WHERE id = $1 AND owner_id IS NOT DISTINCT FROM $5 AND locked_at IS NULL AND deleted_at IS NULL RETURNING id`,
        [customerId, target.id, target.departmentId, now, c.ownerId],
      );
      if (!moved[0].length) throw new DomainException(ErrorCode.CONFLICT, 'The customer changed meanwhile; reload and try again.');
      await this.history.record(m, { customerId, kind: OwnershipChangeKind.ASSIGNED, fromOwnerId: c.ownerId, toOwnerId: target.id, poolId: c.poolId, reasonCode: 'assigned', reasonParams: dto.note ? { note: dto.note } : {}, actorId: principal.actorId, at: now });
      await this.audit.record(m, { action: 'pool_assign', entityType: 'customer', entityId: customerId, changes: { ownerId: { before: c.ownerId, after: target.id } } });
      await this.outbox.publish(m, { type: 'customer.assigned', aggregateType: 'customer', aggregateId: customerId, payload: { fromOwnerId: c.ownerId, ownerId: target.id } });
      return { customerId, ownerId: target.id, claimedAt: now.toISOString() };
    });
  }

  /** Locked customers never return to the pool; the owner's maxLocked applies. */
  setLock(principal: Principal, customerId: string, locked: boolean): Promise<{ customerId: string; lockedAt: string | null }> {
    return this.tx.run(async (m) => {
      const c = await this.customers.get(principal, customerId, 'sales.pool.lock', m);
      if (!c.ownerId) throw new DomainException(ErrorCode.CONFLICT, 'Only owned customers can be locked.');
      if (locked && c.lockedAt) return { customerId, lockedAt: c.lockedAt.toISOString() };
      if (!locked && !c.lockedAt) return { customerId, lockedAt: null };
      const now = this.clock.now();
      if (locked) {
        await this.capacity.lockOwner(m, c.ownerId);
        await this.capacity.checkLocked(m, c.ownerId);
      }
      await m.query(`UPDATE customers SET locked_at = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [customerId, locked ? now : null, now]);
      await this.audit.record(m, { action: locked ? 'pool_lock' : 'pool_unlock', entityType: 'customer', entityId: customerId, changes: { lockedAt: { before: c.lockedAt?.toISOString() ?? null, after: locked ? now.toISOString() : null } } });
      return { customerId, lockedAt: locked ? now.toISOString() : null };
    });
  }

  /** Pool admins move a customer (waiting or owned: then it is where it returns to) to another pool. */
  move(principal: Principal, customerId: string, poolId: string): Promise<PoolCustomerDto> {
    return this.tx.run(async (m) => {
      const target = await this.pools.visible(principal, poolId, m);
      if (!target.enabled) throw fieldError('poolId', 'enabled', 'poolId names a disabled pool');
      const c = await m.findOne(Customer, { where: { id: customerId } });
      if (!c) throw DomainException.notFound('Customer');
      const source = c.poolId ? await m.findOne(Pool, { where: { id: c.poolId } }) : null;
      const inScope = await this.customers.get(principal, customerId, 'sales.pool.assign', m).then(() => true, () => false);
      const sourceVisible = !!source && (await this.pools.visibleIds(principal, m)).includes(source.id);
      if (!inScope && !(c.ownerId === null && sourceVisible)) throw DomainException.notFound('Customer');
      if (!this.pools.isAdmin(principal, target) || (source && c.ownerId === null && !this.pools.isAdmin(principal, source))) {
        throw new DomainException(ErrorCode.FORBIDDEN, 'Moving customers between pools needs sales.pool.manage or being admin of both pools.');
      }
      if (c.poolId === poolId) throw fieldError('poolId', 'changed', 'the customer is already in that pool');
      const now = this.clock.now();
      await m.query(`UPDATE customers SET pool_id = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [customerId, poolId, now]);
      await this.history.record(m, { customerId, kind: OwnershipChangeKind.MOVED, fromOwnerId: c.ownerId, toOwnerId: c.ownerId, poolId, reasonCode: 'moved', reasonParams: { poolName: target.name, fromPoolId: c.poolId }, actorId: principal.actorId, at: now });
      await this.audit.record(m, { action: 'pool_move', entityType: 'customer', entityId: customerId, changes: { poolId: { before: c.poolId, after: poolId } } });
      const [out] = await this.toDtos([await m.findOneByOrFail(Customer, { id: customerId })], target, m);
      return out;
    });
  }

  /**
   * Creates ownerless customers straight in the pool (all or nothing; no duplicate check:
   * imports are cleaned before). The creation trigger writes their first history row (imported).
   */
  importInto(principal: Principal, poolId: string, dto: ImportPoolCustomersDto): Promise<ImportPoolCustomersResultDto> {
    return this.tx.run(async (m) => {
      const pool = await this.pools.visible(principal, poolId, m);
      if (!this.pools.isAdmin(principal, pool)) throw new DomainException(ErrorCode.FORBIDDEN, 'Importing into a pool needs sales.pool.manage or being its admin.');
      if (!pool.enabled) throw new DomainException(ErrorCode.CONFLICT, 'The pool is disabled.');
      const now = this.clock.now();
      const rows = dto.customers.map((row, i) => {
        const name = normalizeText(row.name);
        if (!name) throw fieldError(`customers.${i}.name`, 'isNotEmpty', 'name must not be empty');
        const phone = row.phone ? normalizePhone(row.phone, this.config.defaultPhoneRegion) : null;
        if (row.phone && !phone) throw fieldError(`customers.${i}.phone`, 'isPhone', 'phone is not a valid phone number');
        const values = {
          name,
          nameKey: companyKey(name),
          phone,
          email: row.email ? normalizeEmail(row.email) : null,
          industry: row.industry ? normalizeText(row.industry) : null,
          province: row.province ? normalizeText(row.province) : null,
          city: row.city ? normalizeText(row.city) : null,
          grade: row.grade ?? null,
          externalId: row.externalId ?? null,
          externalSource: row.externalSource ?? null,
          source: 'import',
        };
        return { ...values, completeness: completeness(values as never), ownerId: null, departmentId: null, poolId, poolEnteredAt: now, createdBy: principal.actorId };
      });
      const result = await m.insert(Customer, rows as never);
      const ids = result.identifiers.map((x) => x.id as string);
      await this.audit.record(m, { action: 'pool_import', entityType: 'pool', entityId: poolId, changes: { customers: { before: null, after: ids.length } } });
      for (const id of ids) await this.outbox.publish(m, { type: 'customer.created', aggregateType: 'customer', aggregateId: id, payload: { ownerId: null, source: 'import', poolId } });
      return { created: ids.length, ids };
    });
  }

  private async claimIn(m: EntityManager, principal: Principal, customerId: string): Promise<ClaimResultDto> {
    const { customer: c, pool } = await this.inVisiblePool(principal, customerId, m);
    const now = this.clock.now();
    const rules = pool.rules ?? {};
    if (rules.claimWaitDays && c.poolEnteredAt) {
      const from = new Date(c.poolEnteredAt.getTime() + rules.claimWaitDays * DAY_MS);
      if (from > now) throw new DomainException(ErrorCode.CLAIM_WAITING_PERIOD, `The customer can be claimed from ${from.toISOString()}.`, { extensions: { claimableFrom: from.toISOString() } });
    }
    if (rules.reclaimCooldownDays) {
      const [lost] = await m.query(
        `SELECT max(at) AS at FROM ownership_history WHERE customer_id = $1 AND from_owner_id = $2 AND to_owner_id IS DISTINCT FROM $2`,
        [customerId, principal.userId],
      );
      const until = lost?.at ? new Date(lost.at.getTime() + rules.reclaimCooldownDays * DAY_MS) : null;
      if (until && until > now) throw new DomainException(ErrorCode.RECLAIM_COOLDOWN, `You had this customer; you may claim it again from ${until.toISOString()}.`, { extensions: { claimableFrom: until.toISOString() } });
    }
    // One claimer at a time per user: the daily count and capacity cannot be overrun by parallel claims.
    await this.capacity.lockOwner(m, principal.userId);
    if (rules.dailyClaimLimit) {
      const today = await this.claimsToday(m, principal.userId, pool.id);
      if (today >= rules.dailyClaimLimit) throw new DomainException(ErrorCode.CLAIM_DAILY_LIMIT, `You claimed ${today} of at most ${rules.dailyClaimLimit} customers from this pool today.`, { extensions: { claimedToday: today, dailyClaimLimit: rules.dailyClaimLimit } });
    }
    await this.capacity.checkOwned(m, principal.userId);
    // The race decider: of two claims at the same moment the second finds owner_id set and changes nothing.
    const won = await m.query(
      `UPDATE customers SET owner_id = $2, department_id = $3, claimed_at = $4, version = version + 1, updated_at = $4
        WHERE id = $1 AND owner_id IS NULL AND deleted_at IS NULL RETURNING id`,
      [customerId, principal.userId, principal.departmentId, now],
    );
    if (!won[0].length) throw new DomainException(ErrorCode.NOT_IN_POOL, 'Someone else claimed the customer first.');
    await this.history.record(m, { customerId, kind: OwnershipChangeKind.CLAIMED, fromOwnerId: null, toOwnerId: principal.userId, poolId: pool.id, reasonCode: 'claimed', actorId: principal.actorId, at: now });
    await this.audit.record(m, { action: 'pool_claim', entityType: 'customer', entityId: customerId, changes: { ownerId: { before: null, after: principal.userId } } });
    await this.outbox.publish(m, { type: 'customer.claimed', aggregateType: 'customer', aggregateId: customerId, payload: { ownerId: principal.userId, poolId: pool.id } });
    return { customerId, ownerId: principal.userId, claimedAt: now.toISOString() };
  }

  /** Claims by the user from the pool since the start of today (Asia/Shanghai), by the clock. */
  private async claimsToday(m: EntityManager, userId: string, poolId: string): Promise<number> {
    const [row] = await m.query(
      `SELECT count(*)::int AS n FROM ownership_history
        WHERE to_owner_id = $1 AND pool_id = $2 AND kind = 'claimed'
          AND at >= (date_trunc('day', $3::timestamptz AT TIME ZONE $4) AT TIME ZONE $4) AND at <= $3::timestamptz`,
      [userId, poolId, this.clock.now(), DEFAULT_TIME_ZONE],
    );
    return row.n;
  }

  /** An ownerless customer in a pool the caller sees; anything else is 404 (or 409 NOT_IN_POOL when it has an owner). */
  private async inVisiblePool(principal: Principal, customerId: string, m: EntityManager = this.ds.manager): Promise<{ customer: Customer; pool: Pool }> {
    const c = await m.findOne(Customer, { where: { id: customerId } });
    if (!c || !c.poolId) throw DomainException.notFound('Customer');
    const visible = await this.pools.visibleIds(principal, m);
    if (!visible.includes(c.poolId)) throw DomainException.notFound('Customer');
    if (c.ownerId) throw new DomainException(ErrorCode.NOT_IN_POOL, 'The customer has an owner; it is not in the pool.');
    return { customer: c, pool: await m.findOneByOrFail(Pool, { id: c.poolId }) };
  }

  /** Waiting in a visible pool, or owned within the caller's sales.pool.assign scope. */
  private async assignable(m: EntityManager, principal: Principal, customerId: string): Promise<Customer> {
    const scoped = await this.customers.get(principal, customerId, 'sales.pool.assign', m).catch(() => null);
    if (scoped) return scoped;
    return (await this.inVisiblePool(principal, customerId, m)).customer;
  }

  private async toDtos(rows: Customer[], pool: Pool, m: EntityManager = this.ds.manager): Promise<PoolCustomerDto[]> {
    const ids = rows.map((r) => r.id);
    const [latest, lastOwners] = await Promise.all([this.history.latest(ids, m), this.history.lastOwners(ids, m)]);
    const now = this.clock.now().getTime();
    const wait = pool.rules?.claimWaitDays ?? 0;
    return rows.map((c) => {
      const h = latest.get(c.id);
      const entered = c.poolEnteredAt ?? null;
      return {
        id: c.id,
        name: c.name,
        grade: c.grade,
        industry: c.industry,
        province: c.province,
        city: c.city,
        lifecycleStage: c.lifecycleStage,
        poolId: c.poolId ?? pool.id,
        poolEnteredAt: entered?.toISOString() ?? null,
        lastFollowUpAt: c.lastFollowUpAt?.toISOString() ?? null,
        developerId: c.developerId,
        previousOwnerId: lastOwners.get(c.id) ?? null,
        reason: h ? renderReason(h.reasonCode, h.reasonParams) : null,
        daysInPool: entered ? Math.floor((now - entered.getTime()) / DAY_MS) : null,
        claimableFrom: entered && wait ? new Date(entered.getTime() + wait * DAY_MS).toISOString() : null,
        createdAt: c.createdAt.toISOString(),
      };
    });
  }
}
