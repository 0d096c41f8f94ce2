import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CreateDelegationDto, type DelegationDto, type DelegationUsageDto, type DelegationUsageQuery, type ListDelegationsQuery, type Page } from '@kehu/contracts';
import { AuditService, DomainException, paginate, parseSort, TransactionService, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { Clock } from '@kehu/server-core';
import { User } from '../users/user.entity';
import { Delegation } from './delegation.entity';
import { toDelegationDto } from './delegation.mapper';

const fieldError = (field: string, message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field, rule: field, message }] });

const DEFAULT_USAGE_DAYS = 30;
/** Sign-in events are not data entry, so they do not count towards a rep's changes. */
const SESSION_ACTIONS = ['login', 'login.failed', 'login.locked', 'logout', 'session.revoked', 'password.changed'];

/**
 * Per rep in [from, to): audit rows recorded for them (they acted, or a clerk acted on
 * their behalf) and how many of those a clerk entered. One pass over the time index.
 * Only users who have ever been a delegation's rep are reported.
 */
const USAGE_SQL = `
SELECT u.id AS "repId", u.name AS "repName", count(*)::int AS total,
  count(*) FILTER (WHERE a.on_behalf_of_id IS NOT NULL)::int AS delegated
FROM audit_events a
JOIN users u ON u.id = coalesce(a.on_behalf_of_id, a.actor_id)
WHERE a.occurred_at >= $1 AND a.occurred_at < $2
  AND a.action <> ALL($3)
  AND EXISTS (SELECT 1 FROM delegations d WHERE d.rep_id = u.id)
GROUP BY u.id, u.name
ORDER BY delegated DESC, total DESC, u.id`;

export type DelegationState = 'active' | 'ended' | 'none';

@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(query: ListDelegationsQuery): Promise<Page<DelegationDto>> {
    const qb = this.dataSource.getRepository(Delegation).createQueryBuilder('d');
    if (query.clerkId) qb.andWhere('d.clerk_id = :clerkId', { clerkId: query.clerkId });
    if (query.repId) qb.andWhere('d.rep_id = :repId', { repId: query.repId });
    const sort = parseSort(undefined, { createdAt: { expression: 'd.created_at', key: 'createdAt' } }, '-createdAt', { expression: 'd.id', key: 'id' });
    return paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count }, toDelegationDto);
  }

  async create(principal: Principal, dto: CreateDelegationDto): Promise<DelegationDto> {
    if (new Date(dto.endsAt) <= this.clock.now()) throw fieldError('endsAt', 'endsAt must be in the future');
    if (dto.clerkId === dto.repId) throw fieldError('repId', 'repId must differ from clerkId');
    return this.tx.run(async (m) => {
      const found = await m.getRepository(User).createQueryBuilder('u').select('u.id').where('u.id IN (:...ids) AND u.active', { ids: [dto.clerkId, dto.repId] }).getMany();
      for (const field of ['clerkId', 'repId'] as const) {
        if (!found.some((u) => u.id === dto[field])) throw fieldError(field, `${field} is not an active user`);
      }
      const d = await m.save(Delegation, m.create(Delegation, { clerkId: dto.clerkId, repId: dto.repId, endsAt: new Date(dto.endsAt), createdBy: principal.actorId }));
      await this.audit.record(m, {
        action: 'create',
        entityType: 'delegation',
        entityId: d.id,
        changes: { clerkId: { before: null, after: d.clerkId }, repId: { before: null, after: d.repId }, endsAt: { before: null, after: dto.endsAt } },
      });
      return toDelegationDto(d);
    });
  }

  /** Ends the grant now (idempotent); the row stays so the clerk gets DELEGATION_EXPIRED, not a bare 403. */
  async revoke(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const d = await m.getRepository(Delegation).createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!d) throw DomainException.notFound('Delegation');
      if (d.revokedAt) return;
      const revokedAt = this.clock.now();
      await m.update(Delegation, id, { revokedAt });
      await this.audit.record(m, { action: 'revoke', entityType: 'delegation', entityId: id, changes: { revokedAt: { before: null, after: revokedAt.toISOString() } } });
    });
  }

  async usage(query: DelegationUsageQuery): Promise<DelegationUsageDto[]> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_USAGE_DAYS * 86_400_000);
    if (from >= to) throw fieldError('from', 'from must be before to');
    const rows = (await this.dataSource.query(USAGE_SQL, [from, to, SESSION_ACTIONS])) as Omit<DelegationUsageDto, 'share'>[];
    return rows.map((r) => ({ ...r, share: r.total ? Math.round((r.delegated / r.total) * 10_000) / 10_000 : 0 }));
  }

  /** Whether `clerkId` may act for `repId` now; 'ended' when a grant existed but is expired or revoked. */
  async state(clerkId: string, repId: string): Promise<DelegationState> {
    const [row] = (await this.dataSource.query(`SELECT bool_or(revoked_at IS NULL AND ends_at > $3) AS active FROM delegations WHERE clerk_id = $1 AND rep_id = $2`, [clerkId, repId, this.clock.now()])) as {
      active: boolean | null;
    }[];
    return row?.active === null || row?.active === undefined ? 'none' : row.active ? 'active' : 'ended';
  }
}
