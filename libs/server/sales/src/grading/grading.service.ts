import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CustomerGradeDto, type GradingConditionDto, type GradingRuleSetDto, type OverrideCustomerGradeDto, type UpdateGradingRuleSetDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, JobsService, type Principal, TransactionService } from '@kehu/server-core';
import { Customer, CustomersRepository } from '@kehu/server-customers';
import { DataSource, type EntityManager } from 'typeorm';
import { GradingRule, GradingSettings } from './grading.entity';
import { gradingQuery } from './grading-sql';

export const GRADING_JOB = 'sales.grading.recompute';
/** Customers per transaction in the full recompute: short locks, steady progress. */
const BATCH = 5000;

function checkCondition(c: GradingConditionDto, field: string): void {
  if ((c.type === 'revenue' || c.type === 'orderCount' || c.type === 'openPipeline') && c.min === undefined) throw fieldError(`${field}.min`, 'required', `min is required for ${c.type}`);
  if ((c.type === 'revenue' || c.type === 'orderCount') && c.months === undefined) throw fieldError(`${field}.months`, 'required', `months is required for ${c.type}`);
  if (c.type === 'industry' && !c.values?.length) throw fieldError(`${field}.values`, 'required', 'values is required for industry');
  if (c.type === 'customField' && (!c.key || c.value === undefined)) throw fieldError(`${field}.key`, 'required', 'key and value are required for customField');
}

/**
 * Customer grading (客户分级): an ordered rule set graded in SQL, set-based — daily by the
 * job, on demand by admins, and for one customer in the same transaction when its revenue
 * moves (an order paid, delivered, returned or cancelled). Customers with a manual override
 * (grade_locked_at) are left alone. Every change writes an audit row (set-based too).
 */
@Injectable()
export class GradingService implements OnModuleInit {
  private readonly logger = new Logger(GradingService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly customers: CustomersRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.register(GRADING_JOB, async () => {
      const changed = await this.recomputeAll();
      this.logger.log(`grading: ${changed} customers regraded`);
    }, { cron: '30 2 * * *' });
  }

  async ruleSet(m: EntityManager = this.ds.manager): Promise<GradingRuleSetDto> {
    const [rules, settings] = await Promise.all([m.find(GradingRule, { order: { position: 'ASC' } }), m.findOneBy(GradingSettings, { id: 1 })]);
    const labels = { A: 'A', B: 'B', C: 'C', D: 'D', ...(settings?.labels ?? {}) };
    return {
      rules: rules.map((r) => ({ id: r.id, position: r.position, name: r.name, grade: r.grade, conditions: r.conditions as GradingConditionDto[], active: r.active })),
      labels: labels as GradingRuleSetDto['labels'],
      defaultGrade: settings?.defaultGrade ?? null,
      version: settings?.version ?? 1,
    };
  }

  /** Replaces the whole rule set (If-Match on its version); customers are regraded by the next job or recompute. */
  updateRuleSet(version: number, dto: UpdateGradingRuleSetDto): Promise<GradingRuleSetDto> {
    return this.tx.run(async (m) => {
      const before = await this.ruleSet(m);
      if (dto.rules.length > 50) throw fieldError('rules', 'maxSize', 'at most 50 rules');
      dto.rules.forEach((r, i) => r.conditions.forEach((c, j) => checkCondition(c, `rules[${i}].conditions[${j}]`)));
      const res = await m.query(`UPDATE grading_settings SET labels = $1, default_grade = $2, version = version + 1, updated_at = now() WHERE id = 1 AND version = $3`, [dto.labels, dto.defaultGrade ?? null, version]);
      if (res[1] !== 1) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'The grading rules were changed by someone else; reload and try again.');
      await m.query(`DELETE FROM grading_rules`);
      if (dto.rules.length) await m.insert(GradingRule, dto.rules.map((r, position) => ({ position, name: r.name, grade: r.grade, conditions: r.conditions as never, active: r.active ?? true })));
      const after = await this.ruleSet(m);
      const strip = (s: GradingRuleSetDto) => ({ rules: s.rules.map(({ id: _id, ...r }) => r), labels: s.labels, defaultGrade: s.defaultGrade });
      await this.audit.record(m, { action: 'update', entityType: 'grading_rules', entityId: null, changes: diff(strip(before) as never, strip(after) as never) });
      return after;
    });
  }

  /** Regrades the given customers inside the caller's transaction; returns how many changed. */
  async recomputeCustomers(m: EntityManager, customerIds: string[]): Promise<number> {
    if (!customerIds.length) return 0;
    return this.run(m, customerIds);
  }

  /** Every customer, in batches of BATCH ids (one short transaction each). */
  async recomputeAll(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const ids: { id: string }[] = await this.ds.query(`SELECT id FROM customers WHERE id > $1 AND deleted_at IS NULL AND grade_locked_at IS NULL ORDER BY id LIMIT ${BATCH}`, [after]);
      if (!ids.length) return changed;
      changed += await this.tx.run((m) => this.run(m, ids.map((r) => r.id)));
      after = ids[ids.length - 1].id;
    }
  }

  /** A manual grade with a reason: locks it against the job; grade null unlocks (and regrades now). */
  override(principal: Principal, customerId: string, dto: OverrideCustomerGradeDto): Promise<CustomerGradeDto> {
    return this.tx.run(async (m) => {
      const c = await this.customers.get(principal, customerId, 'sales.grading.override', m);
      const grade = dto.grade ?? null;
      if (grade) {
        await m.query(`UPDATE customers SET grade = $2, grade_locked_at = $3, grade_reason = $4, version = version + 1, updated_at = now() WHERE id = $1`, [customerId, grade, this.clock.now(), dto.reason]);
      } else {
        await m.query(`UPDATE customers SET grade_locked_at = NULL, grade_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [customerId, dto.reason]);
        await this.run(m, [customerId]);
      }
      const after = await m.findOneByOrFail(Customer, { id: customerId });
      await this.audit.record(m, {
        action: grade ? 'override_grade' : 'release_grade',
        entityType: 'customer',
        entityId: customerId,
        changes: diff({ grade: c.grade, gradeLocked: !!c.gradeLockedAt, gradeReason: c.gradeReason }, { grade: after.grade, gradeLocked: !!after.gradeLockedAt, gradeReason: after.gradeReason }),
      });
      return { customerId, grade: after.grade, gradeLockedAt: after.gradeLockedAt?.toISOString() ?? null, gradeReason: after.gradeReason };
    });
  }

  private async run(m: EntityManager, customerIds: string[]): Promise<number> {
    const rules = (await m.find(GradingRule, { where: { active: true }, order: { position: 'ASC' } })).filter((r) => (r.conditions as unknown[]).length);
    const settings = await m.findOneBy(GradingSettings, { id: 1 });
    if (!rules.length && !settings?.defaultGrade) return 0;
    const { select, params } = gradingQuery(rules.map((r) => ({ grade: r.grade, conditions: r.conditions as GradingConditionDto[] })));
    const rows: { n: number }[] = await m.query(
      `WITH target AS (SELECT id, grade, industry, custom_fields FROM customers WHERE id = ANY($3::uuid[]) AND deleted_at IS NULL AND grade_locked_at IS NULL),
            graded AS (${select}),
            upd AS (UPDATE customers c SET grade = g.new_grade, version = c.version + 1, updated_at = now()
                      FROM graded g WHERE c.id = g.id AND g.new_grade IS DISTINCT FROM g.old_grade
                    RETURNING c.id, g.old_grade, g.new_grade),
            aud AS (INSERT INTO audit_events (action, entity_type, entity_id, changes)
                    SELECT 'grade', 'customer', u.id::text, jsonb_build_object('grade', jsonb_build_object('before', u.old_grade, 'after', u.new_grade)) FROM upd u)
       SELECT count(*)::int AS n FROM upd`,
      [this.clock.now(), settings?.defaultGrade ?? null, customerIds, ...params],
    );
    return rows[0].n;
  }
}
