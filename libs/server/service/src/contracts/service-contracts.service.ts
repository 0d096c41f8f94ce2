import { Injectable } from '@nestjs/common';
import { CasePriority, ErrorCode, type ContractSlaTargetDto, type CreateServiceContractDto, type ServiceContractDto, type UpdateServiceContractDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, restoreRow, softDeleteRow, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { resolveRecordOwner } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { SlaPolicyService } from '../cases/sla-policy.service';
import { ServiceContract } from './service-contract.entity';
import { ServiceContractsRepository } from './service-contracts.repository';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const numberTaken = () => new DomainException(ErrorCode.ALREADY_EXISTS, 'Another service contract has this number.', { errors: [{ field: 'number', rule: 'unique', message: 'number is already used by another service contract' }] });
const terminated = () => new DomainException(ErrorCode.CASE_STATUS_TRANSITION, 'A terminated service contract does not change.', { extensions: { currentStatus: 'terminated', allowed: ['upcoming', 'active', 'expired'] } });

/** Service contracts (服务合同): terms, SLA targets per priority, visits included; terminate early; recycle bin. */
@Injectable()
export class ServiceContractsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: ServiceContractsRepository,
    private readonly customers: CustomersRepository,
    private readonly sla: SlaPolicyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async get(principal: Principal, id: string): Promise<ServiceContractDto> {
    await this.repo.get(principal, id);
    return this.repo.dto(id, await this.sla.today());
  }

  async list(principal: Principal, q: Parameters<ServiceContractsRepository['list']>[1]) {
    return this.repo.list(principal, q, await this.sla.today());
  }

  async create(principal: Principal, dto: CreateServiceContractDto): Promise<ServiceContractDto> {
    try {
      return await this.tx.run(async (m) => {
        await this.customers.linkable(principal, dto.customerId, m);
        checkTerm(dto.startDate, dto.endDate);
        const slaTargets = checkTargets(dto.slaTargets ?? []);
        const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'service.contract.manage', 'a service contract');
        const today = await this.sla.today(m);
        if (dto.number && (await m.getRepository(ServiceContract).exists({ where: { number: dto.number } }))) throw numberTaken();
        const record = {
          number: dto.number ?? (await this.nextNumber(m, today)),
          name: dto.name,
          customerId: dto.customerId,
          level: dto.level?.trim() || null,
          startDate: dto.startDate,
          endDate: dto.endDate,
          slaTargets,
          visitsIncluded: dto.visitsIncluded ?? null,
          notes: dto.notes?.trim() || null,
          ownerId: owner.id,
          departmentId: owner.departmentId,
        };
        const result = await m.insert(ServiceContract, { ...record, slaTargets: record.slaTargets as never, createdBy: principal.actorId });
        const id = result.identifiers[0].id as string;
        await this.audit.record(m, { action: 'create', entityType: 'service_contract', entityId: id, changes: diff({}, record) });
        await this.outbox.publish(m, { type: 'service_contract.created', aggregateType: 'service_contract', aggregateId: id, payload: { customerId: record.customerId, startDate: record.startDate, endDate: record.endDate } });
        return this.repo.dto(id, today, m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw numberTaken();
      throw err;
    }
  }

  /** Needs If-Match. New targets apply to cases raised afterwards. */
  update(principal: Principal, id: string, version: number, dto: UpdateServiceContractDto): Promise<ServiceContractDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'service.contract.manage', m);
      if (before.terminatedAt) throw terminated();
      const changes: Partial<ServiceContract> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.level !== undefined) changes.level = dto.level?.trim() || null;
      if (dto.startDate !== undefined) changes.startDate = dto.startDate;
      if (dto.endDate !== undefined) changes.endDate = dto.endDate;
      checkTerm(changes.startDate ?? before.startDate, changes.endDate ?? before.endDate);
      if (dto.slaTargets !== undefined) changes.slaTargets = checkTargets(dto.slaTargets);
      if (dto.visitsIncluded !== undefined) changes.visitsIncluded = dto.visitsIncluded;
      if (dto.notes !== undefined) changes.notes = dto.notes?.trim() || null;
      if (dto.ownerId !== undefined && dto.ownerId !== before.ownerId) {
        const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'service.contract.manage', 'a service contract');
        changes.ownerId = owner.id;
        changes.departmentId = owner.departmentId;
      }
      await updateVersioned(m, ServiceContract, id, version, { ...changes, ...(changes.slaTargets ? { slaTargets: changes.slaTargets as never } : {}) }, 'ServiceContract');
      const changed = diff(before as never, { ...before, ...changes } as never);
      await this.audit.record(m, { action: 'update', entityType: 'service_contract', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'service_contract.updated', aggregateType: 'service_contract', aggregateId: id, payload: { customerId: before.customerId, fields: Object.keys(changed) } });
      return this.repo.dto(id, await this.sla.today(m), m);
    });
  }

  /** Ends it early with the reason; cases raised afterwards fall back to the policy. */
  terminate(principal: Principal, id: string, reason: string): Promise<ServiceContractDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'service.contract.manage', m, true);
      if (c.terminatedAt) throw terminated();
      await m.update(ServiceContract, { id }, { terminatedAt: () => 'now()', terminationReason: reason, version: () => 'version + 1' } as never);
      await this.audit.record(m, { action: 'terminate', entityType: 'service_contract', entityId: id, changes: { terminationReason: { before: null, after: reason } } });
      await this.outbox.publish(m, { type: 'service_contract.terminated', aggregateType: 'service_contract', aggregateId: id, payload: { customerId: c.customerId, reason } });
      return this.repo.dto(id, await this.sla.today(m), m);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'service.contract.manage', m, true);
      await softDeleteRow(m, ServiceContract, id, 'ServiceContract');
      await this.audit.record(m, { action: 'delete', entityType: 'service_contract', entityId: id });
      await this.outbox.publish(m, { type: 'service_contract.deleted', aggregateType: 'service_contract', aggregateId: id, payload: { customerId: c.customerId } });
    });
  }

  restore(principal: Principal, id: string): Promise<ServiceContractDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.scoped(principal, 'service.contract.manage', m).withDeleted().andWhere('sc.id = :id AND sc.deleted_at IS NOT NULL', { id }).getOne();
      if (!c) throw DomainException.notFound('ServiceContract');
      await restoreRow(m, ServiceContract, id, 'ServiceContract');
      await this.audit.record(m, { action: 'restore', entityType: 'service_contract', entityId: id });
      await this.outbox.publish(m, { type: 'service_contract.restored', aggregateType: 'service_contract', aggregateId: id, payload: { customerId: c.customerId } });
      return this.repo.dto(id, await this.sla.today(m), m);
    });
  }

  /** `SC-YYYYMMDD-NNNNN` from a sequence. */
  private async nextNumber(m: EntityManager, today: string): Promise<string> {
    const [{ n }] = await m.query(`SELECT nextval('service_contract_number_seq')::int AS n`);
    return `SC-${today.replace(/-/g, '')}-${String(n).padStart(5, '0')}`;
  }
}

function checkTerm(startDate: string, endDate: string): void {
  if (endDate < startDate) throw fieldError('endDate', 'notBeforeStart', 'endDate must be on or after startDate');
}

/** At most one target per priority, resolution not shorter than response; stored in priority order. */
function checkTargets(targets: ContractSlaTargetDto[]): ContractSlaTargetDto[] {
  const order = Object.values(CasePriority);
  targets.forEach((t, i) => {
    if (targets.findIndex((o) => o.priority === t.priority) !== i) throw fieldError(`slaTargets.${i}.priority`, 'unique', 'one target per priority');
    if (t.firstResponseMinutes && t.resolutionMinutes && t.resolutionMinutes < t.firstResponseMinutes) {
      throw fieldError(`slaTargets.${i}.resolutionMinutes`, 'notBeforeResponse', 'resolutionMinutes may not be shorter than firstResponseMinutes');
    }
  });
  return [...targets]
    .sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority))
    .map((t) => ({ priority: t.priority, firstResponseMinutes: t.firstResponseMinutes ?? null, resolutionMinutes: t.resolutionMinutes ?? null, businessHours: t.businessHours ?? true }));
}
