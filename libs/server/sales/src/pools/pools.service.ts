import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CreatePoolDto, type PoolDto, type PoolRulesDto, type UpdatePoolDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, type Principal, TransactionService, updateVersioned } from '@kehu/server-core';
import { Department, User } from '@kehu/server-identity';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Pool } from './pool.entity';
import { toPoolDto } from './pool.mapper';

/** Plain JSON of the validated rules (class instances → objects, undefined dropped). */
const rulesJson = (r: PoolRulesDto | undefined): PoolRulesDto => JSON.parse(JSON.stringify(r ?? {}));

/** Pools (公海) as configuration, and who may see which pool. */
@Injectable()
export class PoolsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Pools the caller may see and claim from: sales.pool.manage sees all; others the enabled
   * pools naming them as admin or member, or naming their department or one above it. A pool
   * that names no members at all (the default pool out of the box) is open to everyone.
   */
  async visibleIds(principal: Principal, m: EntityManager = this.ds.manager): Promise<string[]> {
    const manage = !!principal.permissions['sales.pool.manage'];
    const rows: { id: string }[] = await m.query(
      `SELECT p.id FROM pools p
        WHERE $1::boolean OR (p.enabled AND ($2 = ANY(p.admin_ids) OR $2 = ANY(p.member_user_ids)
              OR (cardinality(p.member_user_ids) = 0 AND cardinality(p.member_department_ids) = 0) OR EXISTS (
              SELECT 1 FROM departments d JOIN departments md ON md.id = ANY(p.member_department_ids)
               WHERE d.id = $3 AND d.path LIKE md.path || '%')))`,
      [manage, principal.userId, principal.departmentId],
    );
    return rows.map((r) => r.id);
  }

  /** The pool if the caller may see it, else 404. */
  async visible(principal: Principal, id: string, m: EntityManager = this.ds.manager): Promise<Pool> {
    if (!(await this.visibleIds(principal, m)).includes(id)) throw DomainException.notFound('Pool');
    return m.findOneByOrFail(Pool, { id });
  }

  /** Admins of the pool (or sales.pool.manage) change its customers' pool membership. */
  isAdmin(principal: Principal, pool: Pool): boolean {
    return !!principal.permissions['sales.pool.manage'] || pool.adminIds.includes(principal.userId);
  }

  async list(principal: Principal): Promise<PoolDto[]> {
    const ids = await this.visibleIds(principal);
    if (!ids.length) return [];
    const pools = await this.ds.getRepository(Pool).find({ where: { id: In(ids) }, order: { isDefault: 'DESC', name: 'ASC' } });
    const counts = await this.counts(ids);
    return pools.map((p) => toPoolDto(p, counts.get(p.id) ?? 0));
  }

  async get(principal: Principal, id: string, m: EntityManager = this.ds.manager): Promise<PoolDto> {
    const pool = await this.visible(principal, id, m);
    return toPoolDto(pool, (await this.counts([id], m)).get(id) ?? 0);
  }

  create(principal: Principal, dto: CreatePoolDto): Promise<PoolDto> {
    return this.tx.run(async (m) => {
      await this.checkRefs(m, dto);
      if (dto.isDefault) await m.update(Pool, { isDefault: true }, { isDefault: false });
      const saved = await m.save(
        Pool,
        m.create(Pool, {
          name: dto.name,
          enabled: dto.enabled ?? true,
          isDefault: dto.isDefault ?? false,
          departmentId: dto.departmentId ?? null,
          adminIds: dto.adminIds ?? [],
          memberUserIds: dto.memberUserIds ?? [],
          memberDepartmentIds: dto.memberDepartmentIds ?? [],
          rules: rulesJson(dto.rules),
          createdBy: principal.actorId,
        }),
      ).catch((err) => this.uniqueViolation(err));
      const out = toPoolDto(saved, 0);
      await this.audit.record(m, { action: 'create', entityType: 'pool', entityId: saved.id, changes: diff({}, out as never) });
      return out;
    });
  }

  update(principal: Principal, id: string, version: number, dto: UpdatePoolDto): Promise<PoolDto> {
    return this.tx.run(async (m) => {
      const before = await this.visible(principal, id, m);
      await this.checkRefs(m, dto);
      const changes: Partial<Pool> = {};
      for (const k of ['name', 'enabled', 'isDefault', 'adminIds', 'memberUserIds', 'memberDepartmentIds'] as const) if (dto[k] !== undefined) (changes as Record<string, unknown>)[k] = dto[k];
      if (dto.departmentId !== undefined) changes.departmentId = dto.departmentId;
      if (dto.rules !== undefined) changes.rules = rulesJson(dto.rules);
      if (changes.enabled === false && before.enabled) await this.refuseDisable(m, before);
      if (changes.isDefault === false && before.isDefault) throw fieldError('isDefault', 'oneDefault', 'make another pool the default instead');
      if (changes.isDefault && !before.isDefault) await m.createQueryBuilder().update(Pool).set({ isDefault: false }).where('is_default AND id <> :id', { id }).execute();
      if ((changes.isDefault ?? before.isDefault) && (changes.enabled ?? before.enabled) === false) throw fieldError('enabled', 'defaultEnabled', 'the default pool stays enabled');
      await updateVersioned(m, Pool, id, version, changes, 'Pool').catch((err) => this.uniqueViolation(err));
      const after = await this.get(principal, id, m);
      const changed = diff(toPoolDto(before, after.customerCount) as never, after as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'pool', entityId: id, changes: changed });
      return after;
    });
  }

  /** Only an empty, non-default pool can go; at least one pool stays enabled. */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const pool = await this.visible(principal, id, m);
      await this.refuseDisable(m, pool);
      if (pool.isDefault) throw new DomainException(ErrorCode.CONFLICT, 'The default pool cannot be deleted; make another pool the default first.');
      // Owned customers that would return here fall back to their department's or the default pool.
      await m.query(`UPDATE customers SET pool_id = NULL WHERE pool_id = $1`, [id]);
      await m.delete(Pool, { id });
      await this.audit.record(m, { action: 'delete', entityType: 'pool', entityId: id, changes: { name: { before: pool.name, after: null } } });
    });
  }

  /** The pool every unrouted customer returns to. */
  async defaultPool(m: EntityManager = this.ds.manager): Promise<Pool> {
    const pool = await m.findOne(Pool, { where: { isDefault: true } });
    if (!pool) throw new DomainException(ErrorCode.CONFLICT, 'No default pool is configured.');
    return pool;
  }

  /** Where an owned customer goes when it leaves its owner: its own pool, its department's, else the default. */
  async returnPoolOf(m: EntityManager, customer: { poolId: string | null; departmentId: string | null }): Promise<Pool> {
    if (customer.poolId) {
      const own = await m.findOne(Pool, { where: { id: customer.poolId, enabled: true } });
      if (own) return own;
    }
    if (customer.departmentId) {
      const dept = await m.findOne(Pool, { where: { departmentId: customer.departmentId, enabled: true } });
      if (dept) return dept;
    }
    return this.defaultPool(m);
  }

  private async refuseDisable(m: EntityManager, pool: Pool): Promise<void> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM customers WHERE pool_id = $1 AND owner_id IS NULL AND deleted_at IS NULL`, [pool.id]);
    if (n > 0) throw new DomainException(ErrorCode.POOL_NOT_EMPTY, `The pool still holds ${n} customer(s); move them to another pool first.`, { extensions: { customerCount: n } });
    const [{ others }] = await m.query(`SELECT count(*)::int AS others FROM pools WHERE enabled AND id <> $1`, [pool.id]);
    if (pool.enabled && others === 0) throw new DomainException(ErrorCode.LAST_ENABLED_POOL, 'At least one pool stays enabled.');
  }

  private async counts(ids: string[], m: EntityManager = this.ds.manager): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await m.query(
      `SELECT pool_id AS id, count(*)::int AS n FROM customers WHERE pool_id = ANY($1) AND owner_id IS NULL AND deleted_at IS NULL GROUP BY pool_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  private async checkRefs(m: EntityManager, dto: CreatePoolDto | UpdatePoolDto): Promise<void> {
    const users = [...new Set([...(dto.adminIds ?? []), ...(dto.memberUserIds ?? [])])];
    if (users.length && (await m.count(User, { where: { id: In(users) } })) !== users.length) {
      throw fieldError(dto.adminIds?.some((u) => !users.includes(u)) ? 'adminIds' : 'memberUserIds', 'exists', 'adminIds and memberUserIds must name users');
    }
    const depts = [...new Set([...(dto.memberDepartmentIds ?? []), ...(dto.departmentId ? [dto.departmentId] : [])])];
    if (depts.length && (await m.count(Department, { where: { id: In(depts) } })) !== depts.length) {
      throw fieldError(dto.departmentId && !dto.memberDepartmentIds?.length ? 'departmentId' : 'memberDepartmentIds', 'exists', 'departmentId and memberDepartmentIds must name departments');
    }
  }

  private uniqueViolation(err: unknown): never {
    if ((err as { code?: string }).code === '23505') throw fieldError('departmentId', 'unique', 'that department already has a pool');
    throw err;
  }
}
