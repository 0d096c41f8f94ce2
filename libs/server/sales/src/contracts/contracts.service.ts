import { Injectable } from '@nestjs/common';
import {
  ContractApprovalDecision,
  ErrorCode,
  SalesContractStatus,
  type CreateSalesContractDto,
  type SalesContractDto,
  type UpdateSalesContractDto,
} from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, OutboxService, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { resolveRecordOwner } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { businessDay } from './business-day';
import { approvedStatusOn, currencies, EDITABLE_TERMS, transitionError } from './contract-rules';
import { SalesContractsRepository } from './contracts.repository';
import { SalesContract, SalesContractApproval } from './sales-contract.entity';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const numberTaken = () => new DomainException(ErrorCode.ALREADY_EXISTS, 'Another contract has this number.', { errors: [{ field: 'number', rule: 'unique', message: 'number is already used by another contract' }] });

/** Sales contracts (销售合同): terms, the approval step by a manager, termination, recycle bin for drafts. */
@Injectable()
export class SalesContractsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: SalesContractsRepository,
    private readonly customers: CustomersRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return businessDay(this.clock);
  }

  async get(principal: Principal, id: string): Promise<SalesContractDto> {
    await this.repo.get(principal, id);
    return this.repo.dto(id, this.today());
  }

  async create(principal: Principal, dto: CreateSalesContractDto): Promise<SalesContractDto> {
    try {
      return await this.tx.run(async (m) => {
        await this.customers.linkable(principal, dto.customerId, m);
        if (dto.opportunityId) await this.checkOpportunity(m, dto.customerId, dto.opportunityId);
        checkDates(dto.startDate, dto.endDate);
        const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'sales.contract.update', 'a contract');
        const number = dto.number ?? (await this.nextNumber(m));
        if (dto.number && (await this.numberTaken(m, dto.number))) throw numberTaken();
        const record = {
          number,
          title: dto.title,
          customerId: dto.customerId,
          opportunityId: dto.opportunityId ?? null,
          ownerId: owner.id,
          departmentId: owner.departmentId,
          amount: dto.amount,
          currency: this.currency(dto.currency) ?? 'CNY',
          startDate: dto.startDate,
          endDate: dto.endDate,
          signedDate: dto.signedDate ?? null,
          status: SalesContractStatus.DRAFT,
        };
        const result = await m.insert(SalesContract, { ...record, createdBy: principal.actorId });
        const id = result.identifiers[0].id as string;
        await this.audit.record(m, { action: 'create', entityType: 'sales_contract', entityId: id, changes: diff({}, record) });
        await this.outbox.publish(m, { type: 'sales_contract.created', aggregateType: 'sales_contract', aggregateId: id, payload: { customerId: record.customerId, amount: record.amount, ownerId: record.ownerId } });
        return this.repo.dto(id, this.today(), m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw numberTaken();
      throw err;
    }
  }

  /** Needs If-Match. Terms change only in draft / rejected; owner and signed date while not terminated. */
  async update(principal: Principal, id: string, version: number, dto: UpdateSalesContractDto): Promise<SalesContractDto> {
    try {
      return await this.tx.run(async (m) => {
        const before = await this.repo.get(principal, id, 'sales.contract.update', m);
        const changes: Partial<SalesContract> = {};
        const terms = (['number', 'title', 'opportunityId', 'amount', 'currency', 'startDate', 'endDate'] as const).filter((k) => dto[k] !== undefined && dto[k] !== before[k]);
        if (terms.length && !EDITABLE_TERMS.includes(before.status)) throw transitionError(before.status, `change ${terms.join(', ')} of`, EDITABLE_TERMS);
        if (before.status === SalesContractStatus.TERMINATED && Object.keys(dto).length) throw transitionError(before.status, 'change', ['not terminated']);
        if (dto.number !== undefined && dto.number !== before.number) {
          if (await this.numberTaken(m, dto.number)) throw numberTaken();
          changes.number = dto.number;
        }
        if (dto.title !== undefined) changes.title = dto.title;
        if (dto.opportunityId !== undefined) {
          if (dto.opportunityId) await this.checkOpportunity(m, before.customerId, dto.opportunityId);
          changes.opportunityId = dto.opportunityId;
        }
        if (dto.amount !== undefined) {
          const [{ planned }] = await m.query(`SELECT coalesce(sum(amount), 0)::float8 AS planned FROM receivable_instalments WHERE contract_id = $1`, [id]);
          if (dto.amount < planned) throw fieldError('amount', 'notBelowPlanned', `amount may not be below the ${planned} already planned in instalments`);
          changes.amount = dto.amount;
        }
        if (dto.currency !== undefined) changes.currency = this.currency(dto.currency);
        if (dto.startDate !== undefined) changes.startDate = dto.startDate;
        if (dto.endDate !== undefined) changes.endDate = dto.endDate;
        checkDates(changes.startDate ?? before.startDate, changes.endDate ?? before.endDate);
        if (dto.signedDate !== undefined) changes.signedDate = dto.signedDate;
        if (dto.ownerId !== undefined && dto.ownerId !== before.ownerId) {
          const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'sales.contract.update', 'a contract');
          changes.ownerId = owner.id;
          changes.departmentId = owner.departmentId;
        }
        await updateVersioned(m, SalesContract, id, version, changes, 'SalesContract');
        const changed = diff(before as never, { ...before, ...changes } as never);
        await this.audit.record(m, { action: 'update', entityType: 'sales_contract', entityId: id, changes: changed });
        await this.outbox.publish(m, { type: 'sales_contract.updated', aggregateType: 'sales_contract', aggregateId: id, payload: { customerId: before.customerId, fields: Object.keys(changed) } });
        return this.repo.dto(id, this.today(), m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw numberTaken();
      throw err;
    }
  }

  /** draft / rejected → pending_approval; the submitter may not approve it. */
  submit(principal: Principal, id: string, comment?: string): Promise<SalesContractDto> {
    return this.decide(principal, id, 'sales.contract.update', [SalesContractStatus.DRAFT, SalesContractStatus.REJECTED], 'submit', async () => {
      return { status: SalesContractStatus.PENDING_APPROVAL, submittedBy: principal.actorId, submittedAt: this.clock.now(), decidedBy: null, decidedAt: null, statusReason: null, decision: ContractApprovalDecision.SUBMITTED, comment };
    });
  }

  /**
   * pending_approval → approved (active / expired when its term has begun / ended). By a
   * holder of sales.contract.approve whose scope covers the owner (else 404); never the
   * submitter or the owner (403 SELF_APPROVAL).
   */
  approve(principal: Principal, id: string, comment?: string): Promise<SalesContractDto> {
    return this.decide(principal, id, 'sales.contract.approve', [SalesContractStatus.PENDING_APPROVAL], 'approve', async (_m, c) => {
      this.checkNotOwn(principal, c);
      return { status: approvedStatusOn(this.today(), c.startDate, c.endDate), decidedBy: principal.actorId, decidedAt: this.clock.now(), statusReason: null, decision: ContractApprovalDecision.APPROVED, comment };
    });
  }

  /** pending_approval → rejected with a reason; the owner edits and submits again. */
  reject(principal: Principal, id: string, reason: string): Promise<SalesContractDto> {
    return this.decide(principal, id, 'sales.contract.approve', [SalesContractStatus.PENDING_APPROVAL], 'reject', async (_m, c) => {
      this.checkNotOwn(principal, c);
      return { status: SalesContractStatus.REJECTED, decidedBy: principal.actorId, decidedAt: this.clock.now(), statusReason: reason, decision: ContractApprovalDecision.REJECTED, comment: reason };
    });
  }

  /** approved / active → terminated with a reason (by an approver). */
  terminate(principal: Principal, id: string, reason: string): Promise<SalesContractDto> {
    return this.decide(principal, id, 'sales.contract.approve', [SalesContractStatus.APPROVED, SalesContractStatus.ACTIVE], 'terminate', async () => {
      return { status: SalesContractStatus.TERMINATED, statusReason: reason, decision: ContractApprovalDecision.TERMINATED, comment: reason };
    });
  }

  /** Only drafts go to the recycle bin (anything submitted is a record of the approval). */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'sales.contract.delete', m, true);
      if (c.status !== SalesContractStatus.DRAFT) throw transitionError(c.status, 'delete', [SalesContractStatus.DRAFT]);
      await softDeleteRow(m, SalesContract, id, 'SalesContract');
      await this.audit.record(m, { action: 'delete', entityType: 'sales_contract', entityId: id });
      await this.outbox.publish(m, { type: 'sales_contract.deleted', aggregateType: 'sales_contract', aggregateId: id, payload: { customerId: c.customerId } });
    });
  }

  /** One status step: row lock, allowed-from check, update, history row, audit and outbox in one transaction. */
  private decide(
    principal: Principal,
    id: string,
    permission: string,
    from: string[],
    action: string,
    step: (m: EntityManager, c: SalesContract) => Promise<Partial<SalesContract> & { decision: ContractApprovalDecision; comment?: string }>,
  ): Promise<SalesContractDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, permission, m, true);
      if (!from.includes(c.status)) throw transitionError(c.status, action, from);
      const { decision, comment, ...changes } = await step(m, c);
      await m.update(SalesContract, { id }, { ...changes, version: () => 'version + 1' } as never);
      await m.insert(SalesContractApproval, { contractId: id, decision, actorId: principal.actorId, comment: comment?.trim() || null });
      await this.audit.record(m, { action, entityType: 'sales_contract', entityId: id, changes: diff({ status: c.status, statusReason: c.statusReason }, { status: changes.status, statusReason: changes.statusReason ?? c.statusReason }) });
      await this.outbox.publish(m, { type: `sales_contract.${decision}`, aggregateType: 'sales_contract', aggregateId: id, payload: { customerId: c.customerId, ownerId: c.ownerId, status: changes.status, amount: c.amount } });
      return this.repo.dto(id, this.today(), m);
    });
  }

  private checkNotOwn(principal: Principal, c: SalesContract): void {
    const me = new Set([principal.userId, principal.actorId]);
    if (me.has(c.ownerId) || (c.submittedBy && me.has(c.submittedBy))) {
      throw new DomainException(ErrorCode.SELF_APPROVAL, 'You cannot decide on a contract you own or submitted; another approver must.');
    }
  }

  /** `HT-YYYYMMDD-NNNNN` from a sequence: unique without a lock. */
  private async nextNumber(m: EntityManager): Promise<string> {
    const [{ n }] = await m.query(`SELECT nextval('sales_contract_number_seq')::int AS n`);
    return `HT-${this.today().replace(/-/g, '')}-${String(n).padStart(5, '0')}`;
  }

  private numberTaken(m: EntityManager, number: string): Promise<boolean> {
    return m.getRepository(SalesContract).exists({ where: { number } });
  }

  private currency(code: string | undefined): string | undefined {
    if (code !== undefined && !currencies.has(code)) throw fieldError('currency', 'iso4217', 'currency must be an ISO 4217 code such as CNY');
    return code;
  }

  private async checkOpportunity(m: EntityManager, customerId: string, opportunityId: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM opportunities WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`, [opportunityId, customerId]);
    if (!rows.length) throw fieldError('opportunityId', 'sameCustomer', "opportunityId must name an opportunity of the contract's customer");
  }
}

function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw fieldError('endDate', 'notBeforeStart', 'endDate must be on or after startDate');
}
