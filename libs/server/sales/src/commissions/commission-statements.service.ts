import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommissionLineKind,
  CommissionStatementStatus,
  DataScope,
  ErrorCode,
  type CommissionStatementDto,
  type ComputeCommissionStatementsDto,
  type ListCommissionStatementsQuery,
  type Page,
} from '@kehu/contracts';
import { applyScope, AuditService, Clock, DomainException, fieldError, OutboxService, paginate, parseSort, type Principal, TransactionService } from '@kehu/server-core';
import { User } from '@kehu/server-identity';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { checkCurrency } from '../products/revenue-errors';
import { COMMISSION_LINES_SQL } from './commission-lines.sql';
import { CommissionStatement, CommissionStatementLine } from './commission.entity';

interface LineRow {
  userId: string;
  kind: string;
  ruleId: string;
  customerId: string;
  orderId: string | null;
  basisAmount: string | null;
  ratePercent: string | null;
  bonusAmount: string | null;
  amount: string;
  occurredAt: Date;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const sorts = { period: { expression: 's.period', key: 'period' }, total: { expression: 's.total', key: 'total' } };

function toDto(s: CommissionStatement, userName: string | null, lines: CommissionStatementDto['lines'] = []): CommissionStatementDto {
  return {
    id: s.id,
    userId: s.userId,
    userName,
    departmentId: s.departmentId,
    period: s.period,
    status: s.status as CommissionStatementStatus,
    currency: s.currency,
    total: s.total,
    lineCount: s.lineCount,
    computedAt: s.computedAt.toISOString(),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    confirmedBy: s.confirmedBy,
    lines,
    version: s.version,
  };
}

/** CSV cell: quoted when needed; a leading = + - @ is defused against formula injection in Excel. */
const cell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Commission statements (提成结算单): one per rep, month and currency, with lines. Computing
 * is idempotent — a draft is replaced as a whole, a confirmed statement is frozen. Reps read
 * their own (sales.commission.read own), managers their department's; computing and
 * confirming needs sales.commission.manage in the same scope.
 */
@Injectable()
export class CommissionStatementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  scoped(principal: Principal, permission: string, m: EntityManager = this.ds.manager): SelectQueryBuilder<CommissionStatement> {
    return applyScope(m.getRepository(CommissionStatement).createQueryBuilder('s'), principal, permission, { owner: 's.user_id', department: 's.department_id' });
  }

  async list(principal: Principal, q: ListCommissionStatementsQuery): Promise<Page<CommissionStatementDto>> {
    const qb = this.scoped(principal, 'sales.commission.read');
    if (q.userId) qb.andWhere('s.user_id = :userId', { userId: q.userId });
    if (q.period) qb.andWhere('s.period = :period', { period: q.period });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    const page = await paginate(qb, { sort: parseSort(q.sort, sorts, '-period', { expression: 's.id', key: 'id' }), cursor: q.cursor, limit: q.limit, count: q.count });
    const names = await this.names(page.data.map((s) => s.userId));
    return { ...page, data: page.data.map((s) => toDto(s, names.get(s.userId) ?? null)) };
  }

  async get(principal: Principal, id: string, permission = 'sales.commission.read', m: EntityManager = this.ds.manager): Promise<CommissionStatementDto> {
    const s = await this.scoped(principal, permission, m).andWhere('s.id = :id', { id }).getOne();
    if (!s) throw DomainException.notFound('Commission statement');
    return this.dto(s, m);
  }

  /** Computes (or recomputes) drafts for one rep or every developer in your scope; confirmed statements are returned untouched. */
  compute(principal: Principal, dto: ComputeCommissionStatementsDto): Promise<CommissionStatementDto[]> {
    const currency = checkCurrency(dto.currency) ?? 'CNY';
    return this.tx.run(async (m) => {
      const users = await this.usersInScope(m, principal, dto.userId);
      const rows: LineRow[] = users.size ? await m.query(COMMISSION_LINES_SQL, [[...users.keys()], dto.period, currency]) : [];
      const drafts: { user_id: string }[] = await m.query(`SELECT user_id FROM commission_statements WHERE period = $1 AND currency = $2 AND user_id = ANY($3::uuid[])`, [dto.period, currency, [...users.keys()]]);
      const targets = new Set([...rows.map((r) => r.userId), ...drafts.map((d) => d.user_id), ...(dto.userId ? [dto.userId] : [])]);
      const out: CommissionStatementDto[] = [];
      const now = this.clock.now();
      for (const userId of [...targets].sort()) {
        const mine = rows.filter((r) => r.userId === userId).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.kind.localeCompare(b.kind));
        // Cents as integers: the total is exactly the sum of the rounded lines.
        const totalCents = mine.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
        const [row]: { id: string; status: string }[] = await m.query(
          `INSERT INTO commission_statements (user_id, department_id, period, currency, status, total, line_count, computed_at)
           VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7)
           ON CONFLICT (user_id, period, currency) DO UPDATE SET department_id = EXCLUDED.department_id, total = EXCLUDED.total, line_count = EXCLUDED.line_count,
                  computed_at = EXCLUDED.computed_at, version = commission_statements.version + 1
             WHERE commission_statements.status = 'draft'
           RETURNING id, status`,
          [userId, users.get(userId) ?? null, dto.period, currency, (totalCents / 100).toFixed(2), mine.length, now],
        );
        if (!row) {
          // Confirmed: frozen.
          const frozen = await m.findOneByOrFail(CommissionStatement, { userId, period: dto.period, currency });
          out.push(toDto(frozen, null));
          continue;
        }
        await m.delete(CommissionStatementLine, { statementId: row.id });
        if (mine.length) {
          await m.insert(
            CommissionStatementLine,
            mine.map((r) => ({ statementId: row.id, kind: r.kind, ruleId: r.ruleId, customerId: r.customerId, orderId: r.orderId, basisAmount: num(r.basisAmount), ratePercent: num(r.ratePercent), bonusAmount: num(r.bonusAmount), amount: Number(r.amount), occurredAt: r.occurredAt })),
          );
        }
        await this.audit.record(m, { action: 'compute', entityType: 'commission_statement', entityId: row.id, changes: { total: { before: null, after: totalCents / 100 }, lineCount: { before: null, after: mine.length } } });
        out.push(toDto(await m.findOneByOrFail(CommissionStatement, { id: row.id }), null));
      }
      const names = await this.names(out.map((s) => s.userId), m);
      return out.map((s) => ({ ...s, userName: names.get(s.userId) ?? null }));
    });
  }

  /** Draft → confirmed (frozen). 409 STATEMENT_CONFIRMED when it already is. */
  confirm(principal: Principal, id: string): Promise<CommissionStatementDto> {
    return this.tx.run(async (m) => {
      const s = await this.scoped(principal, 'sales.commission.manage', m).andWhere('s.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!s) throw DomainException.notFound('Commission statement');
      if (s.status === CommissionStatementStatus.CONFIRMED) throw new DomainException(ErrorCode.STATEMENT_CONFIRMED, 'The statement is already confirmed.');
      await m.update(CommissionStatement, { id }, { status: CommissionStatementStatus.CONFIRMED, confirmedAt: this.clock.now(), confirmedBy: principal.actorId, version: s.version + 1 });
      await this.audit.record(m, { action: 'confirm', entityType: 'commission_statement', entityId: id, changes: { status: { before: s.status, after: 'confirmed' } } });
      await this.outbox.publish(m, { type: 'commission_statement.confirmed', aggregateType: 'commission_statement', aggregateId: id, payload: { userId: s.userId, period: s.period, total: s.total, currency: s.currency } });
      return this.get(principal, id, 'sales.commission.read', m);
    });
  }

  /** UTF-8 with a BOM so Excel opens the Chinese names correctly; one row per line plus a total row. */
  csv(s: CommissionStatementDto): string {
    const header = ['类型 Kind', '客户 Customer', '订单 Order', '基数 Basis', '比例% Rate', '奖金 Bonus', '金额 Amount', '时间 Occurred at'];
    const rows = s.lines.map((l) => [l.kind, l.customerName, l.orderNumber, l.basisAmount?.toFixed(2), l.ratePercent?.toFixed(2), l.bonusAmount?.toFixed(2), l.amount.toFixed(2), l.occurredAt]);
    rows.push(['total', s.userName, s.period, null, null, null, s.total.toFixed(2), s.currency]);
    return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  }

  private async dto(s: CommissionStatement, m: EntityManager): Promise<CommissionStatementDto> {
    const lines: (CommissionStatementLine & { customerName: string | null; orderNumber: string | null })[] = await m.query(
      `SELECT l.kind, l.rule_id AS "ruleId", l.customer_id AS "customerId", c.name AS "customerName", l.order_id AS "orderId", o.number AS "orderNumber",
              l.basis_amount AS "basisAmount", l.rate_percent AS "ratePercent", l.bonus_amount AS "bonusAmount", l.amount, l.occurred_at AS "occurredAt"
         FROM commission_statement_lines l LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN orders o ON o.id = l.order_id
        WHERE l.statement_id = $1 ORDER BY l.occurred_at, l.kind, l.id`,
      [s.id],
    );
    const names = await this.names([s.userId], m);
    return toDto(
      s,
      names.get(s.userId) ?? null,
      lines.map((l) => ({
        kind: l.kind as CommissionLineKind,
        ruleId: l.ruleId,
        customerId: l.customerId,
        customerName: l.customerName,
        orderId: l.orderId,
        orderNumber: l.orderNumber,
        basisAmount: num(l.basisAmount as never),
        ratePercent: num(l.ratePercent as never),
        bonusAmount: num(l.bonusAmount as never),
        amount: Number(l.amount),
        occurredAt: new Date(l.occurredAt).toISOString(),
      })),
    );
  }

  private async names(ids: string[], m: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return new Map((await m.find(User, { where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  }

  /** Developers the caller may compute for, with their departments (manage scope: own → self, department → its users, all → everyone). */
  private async usersInScope(m: EntityManager, principal: Principal, userId: string | undefined): Promise<Map<string, string | null>> {
    const scope = principal.permissions['sales.commission.manage'];
    const qb = m.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.departmentId']);
    if (userId) qb.andWhere('u.id = :userId', { userId });
    if (scope === DataScope.OWN) qb.andWhere('u.id = :self', { self: principal.userId });
    else if (scope === DataScope.TEAM) qb.andWhere('u.id = ANY(:team)', { team: principal.teamMemberIds });
    else if (scope === DataScope.DEPARTMENT) qb.andWhere('u.department_id = ANY(:deps)', { deps: principal.departmentSubtreeIds });
    else if (scope !== DataScope.ALL) qb.andWhere('1 = 0');
    const users = await qb.getMany();
    if (userId && !users.length) throw fieldError('userId', 'inScope', 'userId must name a user in your scope');
    return new Map(users.map((u) => [u.id, u.departmentId]));
  }
}
