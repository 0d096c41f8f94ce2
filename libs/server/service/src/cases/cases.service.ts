import { Injectable } from '@nestjs/common';
import { CaseChannel, CaseEventKind, CasePriority, CaseStatus, CaseType, DataScope, ErrorCode, type AssignCaseDto, type CaseDto, type CreateCaseDto, type UpdateCaseDto } from '@kehu/contracts';
import { Clock, DomainException, fieldError, restoreRow, softDeleteRow, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { resolveRecordOwner } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { localDate } from './business-calendar';
import { CaseJournal } from './case-journal';
import { ACTIVE } from './case-rules';
import { CasesRepository } from './cases.repository';
import { ServiceContract } from '../contracts/service-contract.entity';
import { ServiceContractsRepository } from '../contracts/service-contracts.repository';
import { ServiceCase } from './service-case.entity';
import { SlaPolicyService } from './sla-policy.service';

/** Cases (工单): raising one with its SLA clocks, editing, assigning, recycle bin. The status steps are in CaseWorkflowService. */
@Injectable()
export class CasesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: CasesRepository,
    private readonly customers: CustomersRepository,
    private readonly sla: SlaPolicyService,
    private readonly contracts: ServiceContractsRepository,
    private readonly journal: CaseJournal,
    private readonly clock: Clock,
  ) {}

  get(principal: Principal, id: string): Promise<CaseDto> {
    return this.repo.read(principal, id);
  }

  create(principal: Principal, dto: CreateCaseDto): Promise<CaseDto> {
    return this.tx.run(async (m) => {
      await this.customers.linkable(principal, dto.customerId, m);
      if (dto.contactId) await this.checkContact(m, dto.customerId, dto.contactId);
      const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'service.case.assign', 'a case');
      // Cases are seen by department: one without a department would vanish from everyone with department scope.
      if (!owner.departmentId && principal.permissions['service.case.read'] === DataScope.DEPARTMENT) {
        throw new DomainException(ErrorCode.FORBIDDEN, 'Cases are shared by department: the agent needs a department before raising cases (ask an administrator).');
      }
      const now = this.clock.now();
      const priority = dto.priority ?? CasePriority.NORMAL;
      const policy = await this.sla.policy(m);
      const today = localDate(policy.calendar.timeZone, now);
      const contract = await this.contracts.inForce(m, dto.customerId, today);
      const clocks = this.sla.clocksFor(policy, priority, now, contract?.slaTargets);
      const record = {
        number: await this.nextNumber(m, today),
        subject: dto.subject,
        description: dto.description?.trim() || null,
        type: dto.type ?? CaseType.REQUEST,
        priority,
        status: CaseStatus.NEW,
        channel: dto.channel ?? CaseChannel.PHONE,
        customerId: dto.customerId,
        contactId: dto.contactId ?? null,
        serviceContractId: contract?.id ?? null,
        ownerId: owner.id,
        departmentId: owner.departmentId,
        slaBusinessHours: clocks.businessHours,
        responseDueAt: clocks.responseDueAt,
        resolutionDueAt: clocks.resolutionDueAt,
      };
      const result = await m.insert(ServiceCase, { ...record, createdBy: principal.actorId, createdAt: now, updatedAt: now });
      const id = result.identifiers[0].id as string;
      const { number, subject, type, status, channel, customerId, contactId, ownerId, serviceContractId } = record;
      await this.journal.record(m, { id, customerId, ownerId }, principal.actorId, {
        kind: CaseEventKind.CREATED,
        action: 'create',
        after: { number, subject, type, priority, status, channel, customerId, contactId, ownerId, serviceContractId },
        payload: { number, type, priority, channel, serviceContractId },
      });
      return this.repo.dto(id, m);
    });
  }

  /** Needs If-Match. A new priority recomputes the clocks from the time the case was raised (stopped clocks stay stopped). */
  update(principal: Principal, id: string, version: number, dto: UpdateCaseDto): Promise<CaseDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'service.case.update', m);
      if (before.status === CaseStatus.CLOSED) throw new DomainException(ErrorCode.CASE_STATUS_TRANSITION, 'A closed case cannot be changed; reopen it first.', { extensions: { currentStatus: before.status, allowed: ACTIVE } });
      const changes: Partial<ServiceCase> = {};
      for (const k of ['subject', 'type', 'channel'] as const) if (dto[k] !== undefined && dto[k] !== before[k]) changes[k] = dto[k];
      if (dto.description !== undefined) changes.description = dto.description?.trim() || null;
      if (dto.contactId !== undefined && dto.contactId !== before.contactId) {
        if (dto.contactId) await this.checkContact(m, before.customerId, dto.contactId);
        changes.contactId = dto.contactId;
      }
      if (dto.priority !== undefined && dto.priority !== before.priority) {
        changes.priority = dto.priority;
        const contract = before.serviceContractId ? await m.findOne(ServiceContract, { where: { id: before.serviceContractId }, withDeleted: true }) : null;
        const clocks = this.sla.clocksFor(await this.sla.policy(m), dto.priority, before.createdAt, contract?.slaTargets);
        changes.slaBusinessHours = clocks.businessHours;
        if (!before.firstRespondedAt) changes.responseDueAt = clocks.responseDueAt;
        // A paused clock keeps the minutes it had left; it restarts from them.
        if (!before.resolvedAt && !before.pausedAt) changes.resolutionDueAt = clocks.resolutionDueAt;
      }
      await updateVersioned(m, ServiceCase, id, version, changes, 'Case');
      const fields = Object.keys(changes).filter((k) => !['slaBusinessHours', 'responseDueAt', 'resolutionDueAt'].includes(k));
      const pick = (c: Partial<ServiceCase>) => Object.fromEntries(fields.map((k) => [k, c[k as keyof ServiceCase]]));
      await this.journal.record(m, before, principal.actorId, { kind: CaseEventKind.UPDATED, action: 'update', before: pick(before), after: pick(changes), data: { fields }, payload: { fields } });
      return this.repo.dto(id, m);
    });
  }

  /** To another agent (service.case.assign in their scope); the department follows the agent. */
  assign(principal: Principal, id: string, dto: AssignCaseDto): Promise<CaseDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'service.case.assign', m, true);
      if (c.ownerId === dto.ownerId) return this.repo.dto(id, m);
      const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'service.case.assign', 'a case');
      await m.update(ServiceCase, { id }, { ownerId: owner.id, departmentId: owner.departmentId, version: () => 'version + 1' } as never);
      await this.journal.record(m, c, principal.actorId, {
        kind: CaseEventKind.ASSIGNED,
        action: 'assign',
        body: dto.comment?.trim() || null,
        data: { fromOwnerId: c.ownerId, toOwnerId: owner.id },
        before: { ownerId: c.ownerId, departmentId: c.departmentId },
        after: { ownerId: owner.id, departmentId: owner.departmentId },
        payload: { fromOwnerId: c.ownerId, toOwnerId: owner.id },
      });
      return this.repo.dto(id, m);
    });
  }

  /** To the recycle bin (cases raised by mistake); the history stays for restore. */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'service.case.delete', m, true);
      await softDeleteRow(m, ServiceCase, id, 'Case');
      await this.journal.record(m, c, principal.actorId, { kind: 'deleted', action: 'delete' });
    });
  }

  restore(principal: Principal, id: string): Promise<CaseDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.scoped(principal, 'service.case.delete', m).withDeleted().andWhere('c.id = :id AND c.deleted_at IS NOT NULL', { id }).getOne();
      if (!c) throw DomainException.notFound('Case');
      await restoreRow(m, ServiceCase, id, 'Case');
      await this.journal.record(m, c, principal.actorId, { kind: 'restored', action: 'restore' });
      return this.repo.dto(id, m);
    });
  }

  /** `CS-YYYYMMDD-NNNNN` (the day in the SLA calendar's zone) from a sequence: unique without a lock. */
  private async nextNumber(m: EntityManager, day: string): Promise<string> {
    const [{ n }] = await m.query(`SELECT nextval('service_case_number_seq')::int AS n`);
    return `CS-${day.replace(/-/g, '')}-${String(n).padStart(5, '0')}`;
  }

  private async checkContact(m: EntityManager, customerId: string, contactId: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM contacts WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`, [contactId, customerId]);
    if (!rows.length) throw fieldError('contactId', 'sameCustomer', "contactId must name a contact of the case's customer");
  }
}
