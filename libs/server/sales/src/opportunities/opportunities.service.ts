import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  OpportunityStatus,
  StageKind,
  type CreateOpportunityDto,
  type MoveOpportunityStageDto,
  type OpportunityDto,
  type OpportunityHistoryDto,
  type PageQueryDto,
  type PipelineDto,
  type PipelineStageDto,
  type UpdateOpportunityDto,
} from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, restoreRow, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { applyCustomFields, Contact, CustomersRepository, CustomFieldsService } from '@kehu/server-customers';
import { AuditEventsService, resolveRecordOwner } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { PipelinesService } from '../pipelines/pipelines.service';
import { computeLineItems } from './line-items';
import { Opportunity, OpportunityLineItem, OpportunityStageHistory } from './opportunity.entity';
import { OpportunitiesRepository } from './opportunities.repository';

const currencies = new Set(Intl.supportedValuesOf('currency'));

/**
 * What a lead conversion passes to {@link OpportunitiesService.createInTransaction}.
 * Stable contract for the leads module: add optional fields only.
 */
export interface OpportunityFromLeadInput {
  /** A customer the principal can see (sales.customer.read), e.g. the one the conversion just created in the same transaction. */
  customerId: string;
  /** A contact of that customer. */
  contactId?: string;
  name: string;
  /** Default 0. */
  amount?: number;
  /** Default: the default pipeline (the opportunity starts in its first open stage). */
  pipelineId?: string;
  leadId?: string;
}

/** How a stage move changes the opportunity: status from the stage kind, won/lost times and reason. */
function stageFields(stage: PipelineStageDto, lostReason: string | undefined): Pick<Opportunity, 'stageId' | 'status' | 'lostReason'> {
  const status = stage.kind as string as OpportunityStatus;
  return { stageId: stage.id, status, lostReason: stage.kind === StageKind.LOST ? (lostReason ?? null) : null };
}

function checkLostReason(stage: PipelineStageDto, lostReason: string | undefined): void {
  if (stage.kind === StageKind.LOST && !lostReason?.trim()) throw fieldError('lostReason', 'required', 'lostReason is required when moving to a lost stage');
  if (stage.kind !== StageKind.LOST && lostReason !== undefined) throw fieldError('lostReason', 'onlyWhenLost', 'lostReason is only for lost stages');
}

/** Only the product fields: line ids change with every replacement. */
const lineSummary = (dto: OpportunityDto) => dto.lineItems.map((l) => ({ productName: l.productName, productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent }));

@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: OpportunitiesRepository,
    private readonly pipelines: PipelinesService,
    private readonly customers: CustomersRepository,
    private readonly customFields: CustomFieldsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly history: AuditEventsService,
  ) {}

  create(principal: Principal, dto: CreateOpportunityDto): Promise<OpportunityDto> {
    return this.tx.run((m) => this.insert(m, principal, dto));
  }

  /**
   * Creates an opportunity inside the caller's transaction (lead conversion): owned by
   * the principal, in the default pipeline's first open stage unless `pipelineId` names
   * another active pipeline; audit, outbox and stage history are written with `manager`,
   * so they commit or roll back with the conversion. Validation failures throw
   * DomainException (VALIDATION_FAILED naming the field). Returns the created opportunity.
   */
  createInTransaction(manager: EntityManager, principal: Principal, input: OpportunityFromLeadInput): Promise<OpportunityDto> {
    const { customerId, contactId, name, amount, pipelineId, leadId } = input;
    return this.insert(manager, principal, { customerId, contactId, name, amount, pipelineId, leadId });
  }

  private async insert(m: EntityManager, principal: Principal, dto: CreateOpportunityDto): Promise<OpportunityDto> {
    if (dto.lineItems?.length && dto.amount !== undefined) throw fieldError('amount', 'computedFromLineItems', 'amount is computed from lineItems; send one or the other');
    const currency = this.currency(dto.currency) ?? 'CNY';
    await this.customers.linkable(principal, dto.customerId, m);
    await this.checkContact(m, dto.customerId, dto.contactId);
    const pipeline = await this.pipelineFor(m, dto.pipelineId);
    const stage = dto.stageId ? this.stageOf(pipeline, dto.stageId) : pipeline.stages.find((s) => s.kind === StageKind.OPEN);
    if (!stage) throw fieldError('stageId', 'required', 'the pipeline has no open stage; name a stageId');
    checkLostReason(stage, dto.lostReason);
    const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'sales.opportunity.update', 'an opportunity');
    const computed = dto.lineItems?.length ? computeLineItems(dto.lineItems) : undefined;
    const customFields = applyCustomFields(await this.customFields.definitions('opportunity', m), {}, dto.customFields, 'create');
    const fields = stageFields(stage, dto.lostReason);
    const record = {
      customerId: dto.customerId,
      name: dto.name,
      contactId: dto.contactId ?? null,
      leadId: dto.leadId ?? null,
      pipelineId: pipeline.id,
      ...fields,
      amount: computed?.amount ?? dto.amount ?? 0,
      currency,
      expectedCloseDate: dto.expectedCloseDate ?? null,
      probabilityOverride: dto.probability ?? null,
      competitor: dto.competitor || null,
      nextStep: dto.nextStep || null,
      ownerId: owner.id,
      departmentId: owner.departmentId,
      customFields,
    };
    const result = await m.insert(Opportunity, {
      ...record,
      wonAt: fields.status === OpportunityStatus.WON ? () => 'now()' : null,
      lostAt: fields.status === OpportunityStatus.LOST ? () => 'now()' : null,
      createdBy: principal.actorId,
    } as never);
    const id = result.identifiers[0].id as string;
    if (computed) await m.insert(OpportunityLineItem, computed.items.map((l) => ({ ...l, opportunityId: id, customerId: dto.customerId })));
    await m.insert(OpportunityStageHistory, { opportunityId: id, customerId: dto.customerId, stageId: stage.id, movedBy: principal.actorId });
    const out = await this.repo.dto(id, m);
    await this.audit.record(m, { action: 'create', entityType: 'opportunity', entityId: id, changes: diff({}, { ...record, lineItems: lineSummary(out) } as never) });
    await this.outbox.publish(m, {
      type: 'opportunity.created',
      aggregateType: 'opportunity',
      aggregateId: id,
      payload: { customerId: out.customerId, pipelineId: out.pipelineId, stageId: out.stageId, status: out.status, amount: out.amount, currency: out.currency, ownerId: out.ownerId, leadId: out.leadId },
    });
    return out;
  }

  /** Needs If-Match. Customer, pipeline and stage stay (the stage moves with moveStage). */
  update(principal: Principal, id: string, version: number, dto: UpdateOpportunityDto): Promise<OpportunityDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.opportunity.update', m);
      const beforeDto = await this.repo.dto(id, m);
      const changes: Partial<Opportunity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.contactId !== undefined) {
        await this.checkContact(m, before.customerId, dto.contactId);
        changes.contactId = dto.contactId;
      }
      if (dto.leadId !== undefined) changes.leadId = dto.leadId;
      if (dto.currency !== undefined) changes.currency = this.currency(dto.currency);
      if (dto.expectedCloseDate !== undefined) changes.expectedCloseDate = dto.expectedCloseDate;
      for (const f of ['competitor', 'nextStep'] as const) if (dto[f] !== undefined) changes[f] = dto[f] || null;
      if (dto.probability !== undefined) changes.probabilityOverride = dto.probability;
      if (dto.lostReason !== undefined) {
        if (before.status !== OpportunityStatus.LOST) throw fieldError('lostReason', 'onlyWhenLost', 'lostReason is only for lost opportunities');
        changes.lostReason = dto.lostReason;
      }
      if (dto.ownerId !== undefined && dto.ownerId !== before.ownerId) {
        const owner = await resolveRecordOwner(m, principal, dto.ownerId, 'sales.opportunity.update', 'an opportunity');
        changes.ownerId = owner.id;
        changes.departmentId = owner.departmentId;
      }
      let computed: ReturnType<typeof computeLineItems> | undefined;
      if (dto.lineItems !== undefined) {
        if (dto.lineItems.length && dto.amount !== undefined) throw fieldError('amount', 'computedFromLineItems', 'amount is computed from lineItems; send one or the other');
        computed = computeLineItems(dto.lineItems);
        if (dto.lineItems.length) changes.amount = computed.amount;
        else if (dto.amount !== undefined) changes.amount = dto.amount;
      } else if (dto.amount !== undefined) {
        if (beforeDto.lineItems.length) throw fieldError('amount', 'computedFromLineItems', 'amount is computed from the line items; change them instead (or send lineItems: [] to remove them)');
        changes.amount = dto.amount;
      }
      if (dto.customFields !== undefined) changes.customFields = applyCustomFields(await this.customFields.definitions('opportunity', m), before.customFields, dto.customFields, 'update');

      await updateVersioned(m, Opportunity, id, version, changes, 'Opportunity');
      if (computed) {
        await m.delete(OpportunityLineItem, { opportunityId: id, customerId: before.customerId });
        if (computed.items.length) await m.insert(OpportunityLineItem, computed.items.map((l) => ({ ...l, opportunityId: id, customerId: before.customerId })));
      }
      const after = await this.repo.dto(id, m);
      const changed = diff({ ...beforeDto, lineItems: lineSummary(beforeDto) } as never, { ...after, lineItems: lineSummary(after) } as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'opportunity', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'opportunity.updated', aggregateType: 'opportunity', aggregateId: id, payload: { customerId: after.customerId, fields: Object.keys(changed) } });
      return after;
    });
  }

  /**
   * The kanban drag (If-Match). The versioned UPDATE comes first: it takes the row lock,
   * so of two concurrent moves with the same version one wins and the other gets 412
   * before touching the stage history. Moving to the current stage changes nothing.
   */
  moveStage(principal: Principal, id: string, version: number, dto: MoveOpportunityStageDto): Promise<OpportunityDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.opportunity.update', m);
      const pipeline = await this.pipelines.get(before.pipelineId, m);
      const stage = this.stageOf(pipeline, dto.stageId);
      checkLostReason(stage, dto.lostReason);
      if (stage.id === before.stageId) {
        if (before.version !== version) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'Opportunity was changed by someone else; reload and try again.');
        return this.repo.dto(id, m);
      }
      const fields = stageFields(stage, dto.lostReason);
      await updateVersioned(
        m,
        Opportunity,
        id,
        version,
        {
          ...fields,
          probabilityOverride: null,
          stageEnteredAt: () => 'now()',
          wonAt: fields.status === OpportunityStatus.WON ? () => 'now()' : null,
          lostAt: fields.status === OpportunityStatus.LOST ? () => 'now()' : null,
        },
        'Opportunity',
      );
      await m.query(`UPDATE opportunity_stage_history SET left_at = now() WHERE opportunity_id = $1 AND customer_id = $2 AND left_at IS NULL`, [id, before.customerId]);
      await m.insert(OpportunityStageHistory, { opportunityId: id, customerId: before.customerId, stageId: stage.id, movedBy: principal.actorId });
      const after = await this.repo.dto(id, m);
      await this.audit.record(m, {
        action: 'move_stage',
        entityType: 'opportunity',
        entityId: id,
        changes: diff({ stageId: before.stageId, status: before.status, lostReason: before.lostReason }, { stageId: after.stageId, status: after.status, lostReason: after.lostReason }),
      });
      const payload = { customerId: after.customerId, pipelineId: after.pipelineId, fromStageId: before.stageId, toStageId: after.stageId, status: after.status, amount: after.amount, currency: after.currency, ownerId: after.ownerId };
      await this.outbox.publish(m, { type: 'opportunity.stage_changed', aggregateType: 'opportunity', aggregateId: id, payload });
      if (after.status !== before.status && after.status !== OpportunityStatus.OPEN) {
        await this.outbox.publish(m, { type: `opportunity.${after.status}`, aggregateType: 'opportunity', aggregateId: id, payload: { ...payload, lostReason: after.lostReason } });
      }
      return after;
    });
  }

  /** To the recycle bin; the stage history stays for restore. */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const o = await this.repo.get(principal, id, 'sales.opportunity.delete', m);
      await softDeleteRow(m, Opportunity, id, 'Opportunity');
      await this.audit.record(m, { action: 'delete', entityType: 'opportunity', entityId: id });
      await this.outbox.publish(m, { type: 'opportunity.deleted', aggregateType: 'opportunity', aggregateId: id, payload: { customerId: o.customerId } });
    });
  }

  restore(principal: Principal, id: string): Promise<OpportunityDto> {
    return this.tx.run(async (m) => {
      const o = await this.repo.scoped(principal, 'sales.opportunity.delete', m).withDeleted().andWhere('o.id = :id AND o.deleted_at IS NOT NULL', { id }).getOne();
      if (!o) throw DomainException.notFound('Opportunity');
      await restoreRow(m, Opportunity, id, 'Opportunity');
      await this.audit.record(m, { action: 'restore', entityType: 'opportunity', entityId: id });
      await this.outbox.publish(m, { type: 'opportunity.restored', aggregateType: 'opportunity', aggregateId: id, payload: { customerId: o.customerId } });
      return this.repo.dto(id, m);
    });
  }

  /** Stage stays (oldest first, with names even of archived stages) and the audit trail (newest first, paged). */
  async historyOf(principal: Principal, id: string, query: PageQueryDto): Promise<OpportunityHistoryDto> {
    const o = await this.repo.get(principal, id);
    const [stages, events] = await Promise.all([this.repo.stageHistory(id, o.customerId), this.history.history('opportunity', id, query)]);
    return {
      stages,
      events: events.data,
      nextCursor: events.nextCursor,
    };
  }

  private currency(code: string | undefined): string | undefined {
    if (code !== undefined && !currencies.has(code)) throw fieldError('currency', 'iso4217', 'currency must be an ISO 4217 code such as CNY');
    return code;
  }

  private async pipelineFor(m: EntityManager, pipelineId: string | undefined): Promise<PipelineDto> {
    if (!pipelineId) return this.pipelines.getDefault(m);
    try {
      const p = await this.pipelines.get(pipelineId, m);
      if (!p.active) throw fieldError('pipelineId', 'active', 'pipelineId names an inactive pipeline');
      return p;
    } catch (err) {
      if (err instanceof DomainException && err.code === ErrorCode.NOT_FOUND) throw fieldError('pipelineId', 'exists', 'pipelineId does not name a pipeline');
      throw err;
    }
  }

  private stageOf(pipeline: PipelineDto, stageId: string): PipelineStageDto {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (!stage) throw fieldError('stageId', 'inPipeline', "stageId is not a stage of the opportunity's pipeline");
    return stage;
  }

  private async checkContact(m: EntityManager, customerId: string, contactId: string | undefined | null): Promise<void> {
    if (!contactId) return;
    if (!(await m.exists(Contact, { where: { id: contactId, customerId } }))) throw fieldError('contactId', 'belongsToCustomer', 'contactId must name a contact of this customer');
  }
}
