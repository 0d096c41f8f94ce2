import { Injectable } from '@nestjs/common';
import { AssignmentTargetType, type AssignmentRuleDto, type CreateAssignmentRuleDto, type Page, type UpdateAssignmentRuleDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, TransactionService, updateVersioned } from '@kehu/server-core';
import { normalizeText } from '@kehu/server-customers';
import { Team, User } from '@kehu/server-identity';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentRule } from './assignment-rule.entity';

export function toAssignmentRuleDto(r: AssignmentRule): AssignmentRuleDto {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    active: r.active,
    provinces: r.provinces,
    cities: r.cities,
    industries: r.industries,
    sources: r.sources as AssignmentRuleDto['sources'],
    campaignIds: r.campaignIds,
    targetType: r.targetType as AssignmentTargetType,
    targetUserId: r.targetUserId,
    targetTeamId: r.targetTeamId,
    strategy: r.strategy as AssignmentRuleDto['strategy'],
    maxOpenLeads: r.maxOpenLeads,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

const textLists = ['provinces', 'cities', 'industries'] as const;
const order = { position: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;

/** The ordered, company-wide list of lead assignment rules (sales.assignment-rule.manage). */
@Injectable()
export class AssignmentRulesService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(): Promise<Page<AssignmentRuleDto>> {
    return { data: (await this.ds.getRepository(AssignmentRule).find({ order })).map(toAssignmentRuleDto), nextCursor: null };
  }

  /** Appended at the end of the list. */
  create(principal: Principal, dto: CreateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    return this.tx.run(async (m) => {
      await this.lockList(m);
      const values = this.normalize(dto);
      const target = await this.target(m, { targetType: dto.targetType, targetUserId: dto.targetUserId ?? null, targetTeamId: dto.targetTeamId ?? null, strategy: dto.strategy ?? null });
      const [{ next }]: { next: number }[] = await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM assignment_rules`);
      const saved = await m.save(AssignmentRule, m.create(AssignmentRule, { active: true, maxOpenLeads: null, ...values, ...target, position: next, createdBy: principal.actorId }));
      await this.audit.record(m, { action: 'create', entityType: 'assignment_rule', entityId: saved.id, changes: diff({}, { ...values, ...target } as never) });
      await this.outbox.publish(m, { type: 'assignment_rule.created', aggregateType: 'assignment_rule', aggregateId: saved.id });
      return toAssignmentRuleDto(saved);
    });
  }

  /** Needs If-Match. */
  update(_principal: Principal, id: string, version: number, dto: UpdateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    return this.tx.run(async (m) => {
      const before = await m.findOne(AssignmentRule, { where: { id } });
      if (!before) throw DomainException.notFound('Assignment rule');
      const changes: Partial<AssignmentRule> = this.normalize(dto);
      const targetKeys = ['targetType', 'targetUserId', 'targetTeamId', 'strategy'] as const;
      if (targetKeys.some((k) => dto[k] !== undefined)) {
        const pick = <K extends (typeof targetKeys)[number]>(k: K) => (dto[k] !== undefined ? dto[k] : before[k]) as never;
        const type = pick('targetType') as AssignmentTargetType;
        // Switching the type drops the other type's fields unless they are sent.
        Object.assign(changes, await this.target(m, {
          targetType: type,
          targetUserId: type === AssignmentTargetType.USER ? pick('targetUserId') : null,
          targetTeamId: type === AssignmentTargetType.TEAM ? pick('targetTeamId') : null,
          strategy: type === AssignmentTargetType.TEAM ? pick('strategy') : null,
        }));
      }
      await updateVersioned(m, AssignmentRule, id, version, changes as Record<string, unknown>, 'Assignment rule');
      const after = await m.findOneByOrFail(AssignmentRule, { id });
      const changed = diff(toAssignmentRuleDto(before) as never, toAssignmentRuleDto(after) as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'assignment_rule', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'assignment_rule.updated', aggregateType: 'assignment_rule', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return toAssignmentRuleDto(after);
    });
  }

  remove(_principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.lockList(m);
      const result = await m.delete(AssignmentRule, { id });
      if (!result.affected) throw DomainException.notFound('Assignment rule');
      await this.audit.record(m, { action: 'delete', entityType: 'assignment_rule', entityId: id });
      await this.outbox.publish(m, { type: 'assignment_rule.deleted', aggregateType: 'assignment_rule', aggregateId: id });
    });
  }

  /** `ids` must name every rule exactly once; positions become 1…n in that order. */
  reorder(_principal: Principal, ids: string[]): Promise<Page<AssignmentRuleDto>> {
    return this.tx.run(async (m) => {
      await this.lockList(m);
      const existing: { id: string }[] = await m.query(`SELECT id FROM assignment_rules`);
      const known = new Set(existing.map((r) => r.id));
      if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
        throw fieldError('ids', 'allRulesOnce', 'ids must list every assignment rule exactly once');
      }
      await m.query(
        `UPDATE assignment_rules r SET position = o.pos, version = r.version + 1, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, pos) WHERE r.id = o.id AND r.position <> o.pos`,
        [ids],
      );
      await this.audit.record(m, { action: 'reorder', entityType: 'assignment_rule', entityId: null, changes: { order: { before: null, after: ids } } });
      await this.outbox.publish(m, { type: 'assignment_rule.reordered', aggregateType: 'assignment_rule', aggregateId: ids[0], payload: { ids } });
      return { data: (await m.find(AssignmentRule, { order })).map(toAssignmentRuleDto), nextCursor: null };
    });
  }

  /** Serialises changes to the list's order (create, delete, reorder). */
  private async lockList(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('assignment_rules.order'))`);
  }

  private normalize(dto: CreateAssignmentRuleDto | UpdateAssignmentRuleDto): Partial<AssignmentRule> {
    const out: Partial<AssignmentRule> = {};
    if (dto.name !== undefined) {
      out.name = normalizeText(dto.name);
      if (!out.name) throw fieldError('name', 'isNotEmpty', 'name must not be empty');
    }
    if (dto.active !== undefined) out.active = dto.active;
    for (const f of textLists) if (dto[f] !== undefined) out[f] = [...new Set((dto[f] as string[]).map(normalizeText).filter(Boolean))];
    if (dto.sources !== undefined) out.sources = [...new Set(dto.sources as string[])];
    if (dto.campaignIds !== undefined) out.campaignIds = [...new Set((dto.campaignIds as string[]).map((c) => c.toLowerCase()))];
    if (dto.maxOpenLeads !== undefined) out.maxOpenLeads = dto.maxOpenLeads;
    return out;
  }

  /** user → an active targetUserId; team → an existing targetTeamId and a strategy. */
  private async target(m: EntityManager, t: Pick<AssignmentRule, 'targetType' | 'targetUserId' | 'targetTeamId' | 'strategy'>): Promise<Pick<AssignmentRule, 'targetType' | 'targetUserId' | 'targetTeamId' | 'strategy'>> {
    if (t.targetType === AssignmentTargetType.USER) {
      if (!t.targetUserId) throw fieldError('targetUserId', 'requiredForUser', 'targetUserId is required when targetType is user');
      if (!(await m.exists(User, { where: { id: t.targetUserId, active: true } }))) throw fieldError('targetUserId', 'exists', 'targetUserId does not name an active user');
      return { targetType: t.targetType, targetUserId: t.targetUserId, targetTeamId: null, strategy: null };
    }
    if (!t.targetTeamId) throw fieldError('targetTeamId', 'requiredForTeam', 'targetTeamId is required when targetType is team');
    if (!t.strategy) throw fieldError('strategy', 'requiredForTeam', 'strategy is required when targetType is team');
    if (!(await m.exists(Team, { where: { id: t.targetTeamId } }))) throw fieldError('targetTeamId', 'exists', 'targetTeamId does not name a team');
    return { targetType: t.targetType, targetUserId: null, targetTeamId: t.targetTeamId, strategy: t.strategy };
  }
}
