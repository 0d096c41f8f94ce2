import { Injectable } from '@nestjs/common';
import { ErrorCode, SalesContractStatus, type CreatePaymentDto, type CreateReceivableDto, type ReceivableDto, type ReceivablePlanDto, type UpdateReceivableDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, OutboxService, type Principal, TransactionService, updateVersioned } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { businessDay } from '../contracts/business-day';
import { RECEIVING, transitionError } from '../contracts/contract-rules';
import { SalesContractsRepository } from '../contracts/contracts.repository';
import type { SalesContract } from '../contracts/sales-contract.entity';
import { Payment, ReceivableInstalment } from './receivable.entity';
import { ReceivablesRepository } from './receivables.repository';

const cents = (n: number) => Math.round(n * 100);
const PLANNABLE = Object.values(SalesContractStatus).filter((s) => s !== SalesContractStatus.TERMINATED) as string[];

/** Receivable plans (回款计划) and the payments (回款) recorded against their instalments. */
@Injectable()
export class ReceivablesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly contracts: SalesContractsRepository,
    private readonly repo: ReceivablesRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return businessDay(this.clock);
  }

  async plan(principal: Principal, contractId: string): Promise<ReceivablePlanDto> {
    const c = await this.contracts.get(principal, contractId);
    const today = this.today();
    const [totals, instalments] = await Promise.all([this.contracts.totals(c, today), this.repo.plan(contractId, today)]);
    return { contractId, contractAmount: c.amount, totals, instalments };
  }

  /** Adds an instalment; the contract row lock serialises plan changes, so the sum check holds. */
  addInstalment(principal: Principal, contractId: string, dto: CreateReceivableDto): Promise<ReceivableDto> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.get(principal, contractId, 'sales.receivable.manage', m, true);
      if (!PLANNABLE.includes(c.status)) throw transitionError(c.status, 'plan receivables of', PLANNABLE);
      await this.checkSum(m, c, dto.amount, null);
      const record = { contractId, dueDate: dto.dueDate, amount: dto.amount, note: dto.note?.trim() || null };
      const result = await m.insert(ReceivableInstalment, { ...record, createdBy: principal.actorId });
      const id = result.identifiers[0].id as string;
      await this.audit.record(m, { action: 'create', entityType: 'receivable', entityId: id, changes: diff({}, record) });
      await this.outbox.publish(m, { type: 'receivable.created', aggregateType: 'receivable', aggregateId: id, payload: { contractId, customerId: c.customerId, amount: dto.amount, dueDate: dto.dueDate } });
      return this.repo.dto(id, this.today(), m);
    });
  }

  /** Needs If-Match. The amount may not drop below what was received. */
  updateInstalment(principal: Principal, id: string, version: number, dto: UpdateReceivableDto): Promise<ReceivableDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.receivable.manage', m);
      const c = await this.contracts.get(principal, before.contractId, 'sales.receivable.manage', m, true);
      if (!PLANNABLE.includes(c.status)) throw transitionError(c.status, 'plan receivables of', PLANNABLE);
      const changes: Partial<ReceivableInstalment> = {};
      if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate;
      if (dto.note !== undefined) changes.note = dto.note?.trim() || null;
      if (dto.amount !== undefined) {
        if (cents(dto.amount) < cents(before.received)) throw fieldError('amount', 'notBelowReceived', `amount may not be below the ${before.received} already received`);
        await this.checkSum(m, c, dto.amount, id);
        changes.amount = dto.amount;
      }
      await updateVersioned(m, ReceivableInstalment, id, version, changes, 'Receivable');
      const { contract: _c, ...plain } = before;
      await this.audit.record(m, { action: 'update', entityType: 'receivable', entityId: id, changes: diff(plain as never, { ...plain, ...changes } as never) });
      await this.outbox.publish(m, { type: 'receivable.updated', aggregateType: 'receivable', aggregateId: id, payload: { contractId: c.id, fields: Object.keys(changes) } });
      return this.repo.dto(id, this.today(), m);
    });
  }

  /** Only instalments without payments (409 INSTALMENT_HAS_PAYMENTS). */
  removeInstalment(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const i = await this.repo.get(principal, id, 'sales.receivable.manage', m, true);
      if (await m.exists(Payment, { where: { instalmentId: id } })) throw new DomainException(ErrorCode.INSTALMENT_HAS_PAYMENTS, 'Payments were recorded against this instalment; it cannot be deleted.');
      await m.delete(ReceivableInstalment, { id });
      await this.audit.record(m, { action: 'delete', entityType: 'receivable', entityId: id, changes: diff({ dueDate: i.dueDate, amount: i.amount }, {}) });
      await this.outbox.publish(m, { type: 'receivable.deleted', aggregateType: 'receivable', aggregateId: id, payload: { contractId: i.contractId } });
    });
  }

  /**
   * Records money received against an instalment of an approved / active / expired contract.
   * The instalment row lock serialises concurrent payments, so the overpayment check
   * (409 PAYMENT_EXCEEDS_DUE) cannot be raced; received is kept in the same transaction.
   */
  recordPayment(principal: Principal, instalmentId: string, dto: CreatePaymentDto): Promise<ReceivableDto> {
    return this.tx.run(async (m) => {
      const i = await this.repo.get(principal, instalmentId, 'sales.receivable.manage', m, true);
      const c = i.contract as SalesContract;
      if (!RECEIVING.includes(c.status)) throw transitionError(c.status, 'receive payments for', RECEIVING);
      if (dto.receivedOn > this.today()) throw fieldError('receivedOn', 'notInFuture', 'receivedOn may not be in the future');
      const outstanding = cents(i.amount) - cents(i.received);
      if (cents(dto.amount) > outstanding) {
        throw new DomainException(ErrorCode.PAYMENT_EXCEEDS_DUE, `The payment exceeds the ${outstanding / 100} outstanding on this instalment.`, { extensions: { outstanding: outstanding / 100 } });
      }
      const record = {
        instalmentId,
        contractId: c.id,
        customerId: c.customerId,
        ownerId: c.ownerId,
        departmentId: c.departmentId,
        amount: dto.amount,
        receivedOn: dto.receivedOn,
        method: dto.method,
        reference: dto.reference?.trim() || null,
        note: dto.note?.trim() || null,
      };
      const result = await m.insert(Payment, { ...record, createdBy: principal.actorId });
      const paymentId = result.identifiers[0].id as string;
      await m.query(`UPDATE receivable_instalments SET received = received + $2, version = version + 1, updated_at = now() WHERE id = $1`, [instalmentId, dto.amount]);
      await this.audit.record(m, { action: 'record_payment', entityType: 'receivable', entityId: instalmentId, changes: { received: { before: i.received, after: (cents(i.received) + cents(dto.amount)) / 100 }, payment: { before: null, after: { id: paymentId, ...record } } } });
      await this.outbox.publish(m, { type: 'payment.received', aggregateType: 'payment', aggregateId: paymentId, payload: { ...record } });
      return this.repo.dto(instalmentId, this.today(), m);
    });
  }

  /** Σ instalments (with this one's new amount) ≤ the contract amount, else 400 naming amount. */
  private async checkSum(m: EntityManager, c: SalesContract, amount: number, exceptId: string | null): Promise<void> {
    const [{ planned }] = await m.query(`SELECT coalesce(sum(amount), 0)::text AS planned FROM receivable_instalments WHERE contract_id = $1 AND ($2::uuid IS NULL OR id <> $2)`, [c.id, exceptId]);
    if (cents(Number(planned)) + cents(amount) > cents(c.amount)) {
      const left = (cents(c.amount) - cents(Number(planned))) / 100;
      throw fieldError('amount', 'withinContractAmount', `the instalments would exceed the contract amount ${c.amount}; at most ${left} is left to plan`);
    }
  }
}
