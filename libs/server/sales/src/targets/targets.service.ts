import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataScope,
  ErrorCode,
  TargetLevel,
  TargetMetric,
  type CreateTargetDto,
  type ListTargetsQuery,
  type Page,
  type TargetDto,
  type TargetProgressDto,
  type TargetProgressListDto,
  type TargetProgressQuery,
  type UpdateTargetDto,
} from '@kehu/contracts';
import { applyScope, AuditService, diff, DomainException, fieldError, paginate, parseSort, type Principal, TransactionService, updateVersioned } from '@kehu/server-core';
import { Department, User } from '@kehu/server-identity';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { TargetActuals } from './target-actuals';
import { SalesTarget } from './target.entity';
import { toTargetDto } from './target.mapper';
import { periodRange } from './target-period';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const sort = parseSort(undefined, { period: { expression: 't.period', key: 'period' } }, '-period', { expression: 't.id', key: 'id' });
const levelOrder = [TargetLevel.COMPANY, TargetLevel.DEPARTMENT, TargetLevel.USER];

/**
 * Sales targets (销售目标) and their progress. Scope: a user target sits with its user
 * (own) and the user's department; a department target with that department; company
 * targets need all scope. Managers set targets within their department subtree.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly actuals: TargetActuals,
  ) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<SalesTarget> {
    return applyScope(manager.getRepository(SalesTarget).createQueryBuilder('t'), principal, permission, { owner: 't.owner_id', department: 't.department_id' });
  }

  async get(principal: Principal, id: string, permission = 'sales.target.read', manager?: EntityManager): Promise<SalesTarget> {
    const t = await this.scoped(principal, permission, manager).andWhere('t.id = :id', { id }).getOne();
    if (!t) throw DomainException.notFound('Target');
    return t;
  }

  list(principal: Principal, q: ListTargetsQuery): Promise<Page<TargetDto>> {
    const qb = this.scoped(principal, 'sales.target.read');
    if (q.period) qb.andWhere('t.period = :period', { period: q.period });
    if (q.level) qb.andWhere('t.level = :level', { level: q.level });
    if (q.metric) qb.andWhere('t.metric = :metric', { metric: q.metric });
    if (q.subjectId) qb.andWhere('t.subject_id = :subjectId', { subjectId: q.subjectId });
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, toTargetDto);
  }

  async create(principal: Principal, dto: CreateTargetDto): Promise<TargetDto> {
    if (dto.metric === TargetMetric.NEW_CUSTOMERS && !Number.isInteger(dto.value)) throw fieldError('value', 'isInt', 'value must be a whole number of customers');
    try {
      return await this.tx.run(async (m) => {
        const placement = await this.placement(m, principal, dto.level, dto.subjectId);
        const record = { period: dto.period, level: dto.level, subjectId: placement.subjectId, metric: dto.metric, value: dto.value, ownerId: placement.ownerId, departmentId: placement.departmentId };
        const result = await m.insert(SalesTarget, { ...record, createdBy: principal.actorId });
        const id = result.identifiers[0].id as string;
        await this.audit.record(m, { action: 'create', entityType: 'sales_target', entityId: id, changes: diff({}, record) });
        return toTargetDto(await m.findOneByOrFail(SalesTarget, { id }));
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainException(ErrorCode.ALREADY_EXISTS, 'A target for this period, level, subject and metric exists; change its value instead.', {
          errors: [{ field: 'metric', rule: 'unique', message: 'one target per period, level, subject and metric' }],
        });
      }
      throw err;
    }
  }

  /** Needs If-Match; only the value changes. */
  update(principal: Principal, id: string, version: number, dto: UpdateTargetDto): Promise<TargetDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(principal, id, 'sales.target.manage', m);
      if (before.metric === TargetMetric.NEW_CUSTOMERS && !Number.isInteger(dto.value)) throw fieldError('value', 'isInt', 'value must be a whole number of customers');
      await updateVersioned(m, SalesTarget, id, version, { value: dto.value }, 'Target');
      await this.audit.record(m, { action: 'update', entityType: 'sales_target', entityId: id, changes: diff({ value: before.value }, { value: dto.value }) });
      return toTargetDto(await m.findOneByOrFail(SalesTarget, { id }));
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const t = await this.get(principal, id, 'sales.target.manage', m);
      await m.delete(SalesTarget, { id });
      await this.audit.record(m, { action: 'delete', entityType: 'sales_target', entityId: id, changes: diff({ period: t.period, level: t.level, subjectId: t.subjectId, metric: t.metric, value: t.value }, {}) });
    });
  }

  /**
   * Target, actual and percent for each target of the period in the caller's read scope:
   * one query for the targets, one for the subjects' names, one per metric for actuals.
   */
  async progress(principal: Principal, q: TargetProgressQuery): Promise<TargetProgressListDto> {
    const { from, to } = periodRange(q.period);
    const qb = this.scoped(principal, 'sales.target.read').andWhere('t.period = :period', { period: q.period });
    if (q.level) qb.andWhere('t.level = :level', { level: q.level });
    if (q.metric) qb.andWhere('t.metric = :metric', { metric: q.metric });
    const targets = await qb.getMany();
    const names = await this.names(targets);
    const byMetric = new Map<TargetMetric, Map<string, number>>();
    for (const metric of new Set(targets.map((t) => t.metric as TargetMetric))) {
      const mine = targets.filter((t) => t.metric === metric);
      const subjects = {
        company: mine.some((t) => t.level === TargetLevel.COMPANY),
        departmentIds: mine.filter((t) => t.level === TargetLevel.DEPARTMENT).map((t) => t.subjectId as string),
        userIds: mine.filter((t) => t.level === TargetLevel.USER).map((t) => t.subjectId as string),
      };
      byMetric.set(metric, await this.actuals.compute(metric, from, to, subjects));
    }
    const data: TargetProgressDto[] = targets.map((t) => {
      const actual = byMetric.get(t.metric as TargetMetric)?.get(`${t.level}:${t.subjectId ?? ''}`) ?? 0;
      return {
        targetId: t.id,
        period: t.period,
        level: t.level as TargetLevel,
        subjectId: t.subjectId,
        subjectName: t.subjectId ? (names.get(t.subjectId) ?? null) : null,
        metric: t.metric as TargetMetric,
        target: t.value,
        actual,
        percent: t.value > 0 ? Math.round((actual / t.value) * 1000) / 10 : null,
      };
    });
    data.sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || (a.subjectName ?? '').localeCompare(b.subjectName ?? '') || a.metric.localeCompare(b.metric));
    return { period: q.period, from, to, data };
  }

  private async names(targets: SalesTarget[]): Promise<Map<string, string>> {
    const users = targets.filter((t) => t.level === TargetLevel.USER).map((t) => t.subjectId as string);
    const departments = targets.filter((t) => t.level === TargetLevel.DEPARTMENT).map((t) => t.subjectId as string);
    const [u, d] = await Promise.all([
      users.length ? this.ds.getRepository(User).find({ where: { id: In(users) }, select: { id: true, name: true }, withDeleted: true }) : [],
      departments.length ? this.ds.getRepository(Department).find({ where: { id: In(departments) }, select: { id: true, name: true }, withDeleted: true }) : [],
    ]);
    return new Map([...u, ...d].map((x) => [x.id, x.name]));
  }

  /** Where a new target sits (scope columns), checked against the caller's manage scope. */
  private async placement(m: EntityManager, principal: Principal, level: TargetLevel, subjectId: string | undefined): Promise<{ subjectId: string | null; ownerId: string | null; departmentId: string | null }> {
    const scope = principal.permissions['sales.target.manage'];
    const inSubtree = (departmentId: string | null) => scope === DataScope.ALL || (scope === DataScope.DEPARTMENT && !!departmentId && principal.departmentSubtreeIds.includes(departmentId));
    if (level === TargetLevel.COMPANY) {
      if (subjectId) throw fieldError('subjectId', 'absentForCompany', 'a company target has no subjectId');
      if (scope !== DataScope.ALL) throw new DomainException(ErrorCode.FORBIDDEN, 'Company targets need sales.target.manage with all scope.');
      return { subjectId: null, ownerId: null, departmentId: null };
    }
    if (!subjectId) throw fieldError('subjectId', 'required', `a ${level} target needs subjectId`);
    if (level === TargetLevel.DEPARTMENT) {
      const d = await m.findOne(Department, { where: { id: subjectId } });
      if (!d) throw fieldError('subjectId', 'exists', 'subjectId does not name a department');
      if (!inSubtree(d.id)) throw fieldError('subjectId', 'inScope', 'subjectId must be one of your departments');
      return { subjectId, ownerId: null, departmentId: d.id };
    }
    const u = await m.findOne(User, { where: { id: subjectId } });
    if (!u) throw fieldError('subjectId', 'exists', 'subjectId does not name a user');
    if (!(inSubtree(u.departmentId) || (scope === DataScope.OWN && u.id === principal.userId))) throw fieldError('subjectId', 'inScope', 'subjectId must be a user of your departments');
    return { subjectId, ownerId: u.id, departmentId: u.departmentId };
  }
}
