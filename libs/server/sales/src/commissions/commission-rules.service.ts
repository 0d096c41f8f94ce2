import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommissionBonusTrigger, type CommissionRuleDto, type CreateCommissionRuleDto, type UpdateCommissionRuleDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, TransactionService, updateVersioned } from '@kehu/server-core';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { checkCurrency } from '../products/revenue-errors';
import { CommissionRule } from './commission.entity';

export function toRuleDto(r: CommissionRule): CommissionRuleDto {
  return {
    id: r.id,
    name: r.name,
    bonusAmount: r.bonusAmount,
    bonusTrigger: r.bonusTrigger as CommissionBonusTrigger,
    ratePercent: r.ratePercent,
    months: r.months,
    currency: r.currency,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A rule must pay something; a percentage needs its month window; the dates must be in order. */
function check(r: Pick<CommissionRule, 'bonusAmount' | 'ratePercent' | 'months' | 'effectiveFrom' | 'effectiveTo'>): void {
  if (r.bonusAmount === null && r.ratePercent === null) throw fieldError('bonusAmount', 'oneOf', 'a rule needs bonusAmount and/or ratePercent');
  if (r.ratePercent !== null && r.months === null) throw fieldError('months', 'required', 'months is required with ratePercent');
  if (r.effectiveTo !== null && r.effectiveTo < r.effectiveFrom) throw fieldError('effectiveTo', 'afterFrom', 'effectiveTo must not be before effectiveFrom');
}

/** Commission rules (提成规则): company-wide settings. */
@Injectable()
export class CommissionRulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CommissionRuleDto[]> {
    return (await this.ds.getRepository(CommissionRule).find({ where: { deletedAt: IsNull() }, order: { effectiveFrom: 'DESC', name: 'ASC' } })).map(toRuleDto);
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<CommissionRuleDto> {
    const r = await m.findOne(CommissionRule, { where: { id, deletedAt: IsNull() } });
    if (!r) throw DomainException.notFound('Commission rule');
    return toRuleDto(r);
  }

  create(dto: CreateCommissionRuleDto): Promise<CommissionRuleDto> {
    return this.tx.run(async (m) => {
      const record = {
        name: dto.name,
        bonusAmount: dto.bonusAmount ?? null,
        bonusTrigger: dto.bonusTrigger ?? CommissionBonusTrigger.CUSTOMER_CREATED,
        ratePercent: dto.ratePercent ?? null,
        months: dto.months ?? null,
        currency: checkCurrency(dto.currency) ?? 'CNY',
        effectiveFrom: dto.effectiveFrom,
        effectiveTo: dto.effectiveTo ?? null,
      };
      check(record);
      const id = (await m.insert(CommissionRule, record)).identifiers[0].id as string;
      await this.audit.record(m, { action: 'create', entityType: 'commission_rule', entityId: id, changes: diff({}, record) });
      return this.get(id, m);
    });
  }

  update(id: string, version: number, dto: UpdateCommissionRuleDto): Promise<CommissionRuleDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(id, m);
      const changes: Partial<CommissionRule> = {};
      for (const f of ['name', 'bonusAmount', 'bonusTrigger', 'ratePercent', 'months', 'effectiveFrom', 'effectiveTo'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      check({ ...before, ...changes } as CommissionRule);
      await updateVersioned(m, CommissionRule, id, version, changes, 'Commission rule');
      const after = await this.get(id, m);
      const changed = diff(before as never, after as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'commission_rule', entityId: id, changes: changed });
      return after;
    });
  }

  /** Soft delete: confirmed statements keep naming the rule. */
  remove(id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const res = await m.query(`UPDATE commission_rules SET deleted_at = now(), version = version + 1 WHERE id = $1 AND deleted_at IS NULL`, [id]);
      if (res[1] !== 1) throw DomainException.notFound('Commission rule');
      await this.audit.record(m, { action: 'delete', entityType: 'commission_rule', entityId: id });
    });
  }
}
