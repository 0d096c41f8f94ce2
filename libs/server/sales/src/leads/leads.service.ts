import { Inject, Injectable } from '@nestjs/common';
import {
  CustomerKind,
  CustomerSource,
  ErrorCode,
  LeadStatus,
  OPEN_LEAD_STATUSES,
  type AssignQueueResultDto,
  type ConvertLeadDto,
  type CreateLeadDto,
  type LeadConversionDto,
  type LeadDto,
  type UpdateLeadDto,
} from '@kehu/contracts';
import { APP_CONFIG, type AppConfig, AuditService, diff, DomainException, fieldError, OutboxService, type Principal, restoreRow, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import {
  applyCustomFields,
  companyKey,
  completeness,
  Contact,
  Customer,
  CustomersRepository,
  CustomFieldsService,
  DuplicateFinder,
} from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { moveLeadActivities } from '../activities/lead-activities.mover';
import { LeadAssigner, type AssignmentOutcome } from '../assignment-rules/lead-assigner';
import { OpportunitiesService } from '../opportunities/opportunities.service';
import { Lead } from './lead.entity';
import { LeadConsent } from './lead-consent.entity';
import { checkLeadStatus, normalizeLeadInput } from './lead-input';
import { LeadDuplicates } from './lead-duplicates';
import { toLeadDto } from './lead.mapper';
import { LeadsRepository, OPEN_LEAD_SQL } from './leads.repository';

const open = OPEN_LEAD_STATUSES as string[];

/** How a lead came in; import and web forms call `capture` with their own. */
export interface LeadCaptureSource {
  /** Recorded in the audit row and the `lead.created` event. */
  channel: 'api' | 'import' | 'web_form';
  /** The caller (UI/API, import): owner rights, duplicate-candidate visibility, createdBy. Web forms have none. */
  principal?: Principal;
  /** Skip the duplicate check (only runs with a principal). */
  allowDuplicate?: boolean;
  /** Department a queue lead falls back to when no rule matches (UI/API: the capturing user's; none = only `all` scope sees it). */
  fallbackDepartmentId?: string | null;
  /** Leave a lead without ownerId in the queue instead of running the assignment rules. */
  queue?: boolean;
  /** Without a principal: link (not refuse) the earliest live lead with the same phone or e-mail as `duplicateOfId`. */
  flagDuplicates?: boolean;
  /** The web form that captured it. */
  webFormId?: string;
  /** Channel consents to record on the lead (copied to the contact on conversion). */
  consents?: LeadConsentInput[];
}

export interface LeadConsentInput {
  channel: string;
  status: string;
  source: string;
}

/** assign-queue: leads per transaction, and at most this many per call. */
const QUEUE_BATCH = 100;
const QUEUE_MAX = 5000;

@Injectable()
export class LeadsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: LeadsRepository,
    private readonly assigner: LeadAssigner,
    private readonly duplicates: LeadDuplicates,
    private readonly customerDuplicates: DuplicateFinder,
    private readonly customers: CustomersRepository,
    private readonly customFields: CustomFieldsService,
    private readonly opportunities: OpportunitiesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** createLead: capture through the UI/API. */
  create(principal: Principal, dto: CreateLeadDto, allowDuplicate = false): Promise<LeadDto> {
    return this.tx.run((m) => this.capture(m, dto, { channel: 'api', principal, allowDuplicate, fallbackDepartmentId: principal.departmentId }));
  }

  /**
   * One lead in, inside the caller's transaction: normalised, duplicate-checked, custom
   * fields validated, owned by `ownerId` or else assigned by the rules (or queued), with
   * audit and outbox rows. The entry point for imports and web forms too.
   */
  async capture(m: EntityManager, input: CreateLeadDto, source: LeadCaptureSource): Promise<LeadDto> {
    const values = normalizeLeadInput(input, this.config.defaultPhoneRegion);
    const status = input.status ?? LeadStatus.NEW;
    checkLeadStatus(status, values.disqualifiedReason ?? null);
    if (status !== LeadStatus.DISQUALIFIED) values.disqualifiedReason = null;
    const p = source.principal;
    if (p && !source.allowDuplicate) await this.duplicates.refuse(m, p, { phone: values.phone ?? null, email: values.email ?? null });
    const customFields = applyCustomFields(await this.customFields.definitions('lead', m), {}, input.customFields, 'create');
    const duplicateOfId = !p && source.flagDuplicates ? await this.duplicates.earliestLead(m, { phone: values.phone ?? null, email: values.email ?? null }) : null;
    const record = { ...values, status, source: values.source ?? CustomerSource.OTHER, customFields, ...(source.webFormId ? { webFormId: source.webFormId } : {}), ...(duplicateOfId ? { duplicateOfId } : {}) };
    let assignment: AssignmentOutcome;
    if (input.ownerId) {
      const owner = await this.ownerFor(m, p, input.ownerId);
      assignment = { ruleId: null, ownerId: owner.id, departmentId: owner.departmentId };
    } else if (open.includes(status) && !source.queue) {
      assignment = await this.assigner.assign(m, { province: record.province ?? null, city: record.city ?? null, industry: record.industry ?? null, source: record.source, campaignId: record.campaignId ?? null });
      if (!assignment.ownerId && !assignment.departmentId) assignment.departmentId = source.fallbackDepartmentId ?? null;
    } else {
      assignment = { ruleId: null, ownerId: null, departmentId: source.fallbackDepartmentId ?? null };
    }
    const saved = await m.save(
      Lead,
      m.create(Lead, {
        ...record,
        ownerId: assignment.ownerId,
        departmentId: assignment.departmentId,
        assignmentRuleId: assignment.ruleId,
        assignedAt: assignment.ownerId ? new Date() : null,
        createdBy: p?.actorId ?? null,
      }),
    );
    const out = toLeadDto(saved);
    const consents = await this.recordConsents(m, saved.id, source.consents ?? []);
    await this.audit.record(m, { action: 'create', entityType: 'lead', entityId: saved.id, changes: { ...diff({}, { ...record, ownerId: saved.ownerId, channel: source.channel } as never), ...consents } });
    await this.outbox.publish(m, {
      type: 'lead.created',
      aggregateType: 'lead',
      aggregateId: saved.id,
      payload: { channel: source.channel, source: saved.source, campaignId: saved.campaignId, ownerId: saved.ownerId, assignmentRuleId: saved.assignmentRuleId, webFormId: saved.webFormId, duplicateOfId: saved.duplicateOfId },
    });
    if (saved.ownerId) await this.outbox.publish(m, { type: 'lead.assigned', aggregateType: 'lead', aggregateId: saved.id, payload: { ownerId: saved.ownerId, assignmentRuleId: saved.assignmentRuleId, previousOwnerId: null } });
    return out;
  }

  /** Stores the consents and returns them as audit changes (`consents.email`: { status, source }). */
  private async recordConsents(m: EntityManager, leadId: string, items: LeadConsentInput[]): Promise<Record<string, { before: unknown; after: unknown }>> {
    if (!items.length) return {};
    const changedAt = new Date();
    await m.insert(LeadConsent, items.map((c) => ({ leadId, channel: c.channel, status: c.status, source: c.source, changedAt })));
    return Object.fromEntries(items.map((c) => [`consents.${c.channel}`, { before: null, after: { status: c.status, source: c.source } }]));
  }

  /** Needs If-Match. New phone or e-mail re-runs the duplicate check; a converted lead is read-only. */
  update(principal: Principal, id: string, version: number, dto: UpdateLeadDto, allowDuplicate = false): Promise<LeadDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.lead.update', m);
      if (before.status === LeadStatus.CONVERTED) throw new DomainException(ErrorCode.CONFLICT, 'A converted lead cannot change; edit the customer instead.');
      if (dto.status === LeadStatus.CONVERTED) throw fieldError('status', 'notConverted', 'status converted is set by converting the lead');
      const changes: Partial<Lead> = normalizeLeadInput(dto, this.config.defaultPhoneRegion);
      if (dto.customFields !== undefined) changes.customFields = applyCustomFields(await this.customFields.definitions('lead', m), before.customFields, dto.customFields, 'update');
      const next = { ...before, ...changes };
      checkLeadStatus(next.status as LeadStatus, next.disqualifiedReason);
      if (next.status !== LeadStatus.DISQUALIFIED && before.disqualifiedReason !== null) changes.disqualifiedReason = null;
      if (('phone' in changes || 'email' in changes) && !allowDuplicate) await this.duplicates.refuse(m, principal, { phone: next.phone, email: next.email, excludeId: id });
      await updateVersioned(m, Lead, id, version, changes as Record<string, unknown>, 'Lead');
      const after = await m.findOneByOrFail(Lead, { id });
      const changed = diff(toLeadDto(before) as never, toLeadDto(after) as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'lead', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'lead.updated', aggregateType: 'lead', aggregateId: id, payload: { fields: Object.keys(changed), status: after.status } });
      return toLeadDto(after);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.repo.get(principal, id, 'sales.lead.delete', m);
      await softDeleteRow(m, Lead, id, 'Lead');
      await this.audit.record(m, { action: 'delete', entityType: 'lead', entityId: id });
      await this.outbox.publish(m, { type: 'lead.deleted', aggregateType: 'lead', aggregateId: id });
    });
  }

  /** From the recycle bin; the lead must be in the caller's sales.lead.delete scope. */
  restore(principal: Principal, id: string): Promise<LeadDto> {
    return this.tx.run(async (m) => {
      const found = await this.repo.scoped(principal, 'sales.lead.delete', m).withDeleted().andWhere('l.id = :id AND l.deleted_at IS NOT NULL', { id }).getExists();
      if (!found) throw DomainException.notFound('Lead');
      await restoreRow(m, Lead, id, 'Lead');
      await this.audit.record(m, { action: 'restore', entityType: 'lead', entityId: id });
      await this.outbox.publish(m, { type: 'lead.restored', aggregateType: 'lead', aggregateId: id });
      return toLeadDto(await m.findOneByOrFail(Lead, { id }));
    });
  }

  /** Manual assignment (no cap: a manager's decision); the lead takes the owner's department. */
  assign(principal: Principal, id: string, ownerId: string): Promise<LeadDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.lead.assign', m, true);
      if (before.status === LeadStatus.CONVERTED) throw new DomainException(ErrorCode.CONFLICT, 'A converted lead cannot be reassigned.');
      const owner = await this.activeUser(m, ownerId);
      if (before.ownerId === owner.id) return toLeadDto(before);
      await m.query(`UPDATE leads SET owner_id = $2, department_id = $3, assignment_rule_id = NULL, assigned_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, owner.id, owner.departmentId]);
      const after = await m.findOneByOrFail(Lead, { id });
      await this.audit.record(m, { action: 'assign', entityType: 'lead', entityId: id, changes: { ownerId: { before: before.ownerId, after: owner.id }, departmentId: { before: before.departmentId, after: owner.departmentId } } });
      await this.outbox.publish(m, { type: 'lead.assigned', aggregateType: 'lead', aggregateId: id, payload: { ownerId: owner.id, previousOwnerId: before.ownerId, assignmentRuleId: null } });
      return toLeadDto(after);
    });
  }

  /**
   * Re-runs the rules for the queue (open leads without owner) in the caller's
   * sales.lead.assign scope, oldest first, in batches of 100 — each batch one transaction
   * whose leads are locked with SKIP LOCKED, so two runs (or replicas) never assign one lead twice.
   */
  async assignQueue(principal: Principal): Promise<AssignQueueResultDto> {
    const result = { examined: 0, assigned: 0, unassigned: 0 };
    let after: { createdAt: Date; id: string } | null = null;
    while (result.examined < QUEUE_MAX) {
      const batch = await this.tx.run(async (m) => {
        const qb = this.repo
          .scoped(principal, 'sales.lead.assign', m)
          .andWhere(`l.owner_id IS NULL AND l.${OPEN_LEAD_SQL}`)
          .orderBy('l.created_at', 'ASC')
          .addOrderBy('l.id', 'ASC')
          .limit(QUEUE_BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked');
        if (after) qb.andWhere('(l.created_at, l.id) > (:at, :aid)', { at: after.createdAt, aid: after.id });
        const leads = await qb.getMany();
        let assigned = 0;
        for (const lead of leads) {
          const outcome = await this.assigner.assign(m, { province: lead.province, city: lead.city, industry: lead.industry, source: lead.source, campaignId: lead.campaignId });
          if (!outcome.ownerId) continue;
          await m.query(`UPDATE leads SET owner_id = $2, department_id = $3, assignment_rule_id = $4, assigned_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [lead.id, outcome.ownerId, outcome.departmentId, outcome.ruleId]);
          await this.audit.record(m, { action: 'assign', entityType: 'lead', entityId: lead.id, changes: { ownerId: { before: null, after: outcome.ownerId }, assignmentRuleId: { before: lead.assignmentRuleId, after: outcome.ruleId } } });
          await this.outbox.publish(m, { type: 'lead.assigned', aggregateType: 'lead', aggregateId: lead.id, payload: { ownerId: outcome.ownerId, previousOwnerId: null, assignmentRuleId: outcome.ruleId } });
          assigned++;
        }
        return { leads, assigned };
      });
      result.examined += batch.leads.length;
      result.assigned += batch.assigned;
      result.unassigned += batch.leads.length - batch.assigned;
      if (batch.leads.length < QUEUE_BATCH) break;
      const last = batch.leads[batch.leads.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
    return result;
  }

  /**
   * Converts the lead in ONE transaction: lock the lead (FOR UPDATE), refuse a second
   * conversion with the first one's ids, create (duplicate-checked) or link the customer,
   * create the contact, optionally the opportunity, mark the lead converted, audit + outbox.
   *
   * Follow-ups logged on the lead move to the customer (with the new contact and
   * opportunity, lead_id kept) in this transaction, so the history is kept and the
   * customer's last_follow_up_at reflects them; the lead's row lock keeps new ones out.
   */
  convert(principal: Principal, id: string, version: number, dto: ConvertLeadDto, allowDuplicate = false): Promise<LeadConversionDto> {
    return this.tx.run(async (m) => {
      const lead = await this.repo.get(principal, id, 'sales.lead.convert', m, true);
      if (lead.status === LeadStatus.CONVERTED) {
        const first = { customerId: lead.customerId, contactId: lead.contactId, opportunityId: lead.opportunityId, convertedAt: lead.convertedAt?.toISOString() ?? null };
        throw new DomainException(ErrorCode.LEAD_ALREADY_CONVERTED, 'This lead was already converted; the body names what the conversion produced.', { extensions: first });
      }
      if (lead.version !== version) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'Lead was changed by someone else; reload and try again.');
      if (lead.status === LeadStatus.DISQUALIFIED) throw new DomainException(ErrorCode.CONFLICT, 'A disqualified lead cannot be converted; requalify it first.');
      const { customer, created } = dto.customerId ? { customer: await this.customers.linkable(principal, dto.customerId, m), created: false } : { customer: await this.createCustomer(m, principal, lead, allowDuplicate), created: true };
      const contact = await m.save(
        Contact,
        m.create(Contact, {
          customerId: customer.id,
          name: lead.personName,
          title: lead.title,
          phones: lead.phone ? [lead.phone] : [],
          emails: lead.email ? [lead.email] : [],
          wechatId: lead.wechatId,
          // A new customer's only contact is its primary one; an existing customer keeps its own.
          isPrimary: created,
          ownerId: customer.ownerId,
          departmentId: customer.departmentId,
          createdBy: principal.actorId,
        }),
      );
      // The lead's consents (a web form's ticked box) become the contact's, with their source and time.
      await m.query(`INSERT INTO contact_consents (contact_id, channel, status, source, changed_at, changed_by) SELECT $1, channel, status, source, changed_at, NULL FROM lead_consents WHERE lead_id = $2`, [contact.id, id]);
      await this.audit.record(m, { action: 'create', entityType: 'contact', entityId: contact.id, changes: diff({}, { customerId: customer.id, name: contact.name, phones: contact.phones, emails: contact.emails, leadId: id } as never) });
      await this.outbox.publish(m, { type: 'contact.created', aggregateType: 'contact', aggregateId: contact.id, payload: { customerId: customer.id, ownerId: contact.ownerId, leadId: id } });
      const opportunityId = dto.createOpportunity ? await this.createOpportunity(m, principal, { customerId: customer.id, contactId: contact.id, leadId: id, ...dto.createOpportunity }) : null;
      const movedActivities = await moveLeadActivities(m, id, { customerId: customer.id, contactId: contact.id, opportunityId });

      const convertedAt = new Date();
      await updateVersioned(m, Lead, id, version, { status: LeadStatus.CONVERTED, customerId: customer.id, contactId: contact.id, opportunityId, convertedAt }, 'Lead');
      const after = await m.findOneByOrFail(Lead, { id });
      await this.audit.record(m, {
        action: 'convert',
        entityType: 'lead',
        entityId: id,
        changes: { status: { before: lead.status, after: LeadStatus.CONVERTED }, customerId: { before: null, after: customer.id }, contactId: { before: null, after: contact.id }, opportunityId: { before: null, after: opportunityId }, movedActivities: { before: 0, after: movedActivities } },
      });
      await this.outbox.publish(m, { type: 'lead.converted', aggregateType: 'lead', aggregateId: id, payload: { customerId: customer.id, customerCreated: created, contactId: contact.id, opportunityId, movedActivities, ownerId: lead.ownerId, campaignId: lead.campaignId, source: lead.source } });
      return { lead: toLeadDto(after), customerId: customer.id, customerCreated: created, contactId: contact.id, opportunityId, convertedAt: after.convertedAt!.toISOString(), movedActivities };
    });
  }

  /** Through the opportunities module, in this transaction; its field errors are named under createOpportunity. */
  private async createOpportunity(m: EntityManager, principal: Principal, input: { customerId: string; contactId: string; leadId: string; name: string; amount?: number }): Promise<string> {
    try {
      return (await this.opportunities.createInTransaction(m, principal, input)).id;
    } catch (err) {
      if (err instanceof DomainException && err.code === ErrorCode.VALIDATION_FAILED && err.options.errors) {
        const errors = err.options.errors.map((e) => ({ ...e, field: `createOpportunity.${e.field}`, message: `createOpportunity.${e.message}` }));
        throw new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
      }
      throw err;
    }
  }

  /**
   * A customer from the lead's company (or, without one, the person as an individual), with
   * the lead's already-normalised phone, e-mail, region, industry and source; owned by the
   * lead's owner (queue leads: the converter). Duplicate-checked like createCustomer.
   */
  private async createCustomer(m: EntityManager, principal: Principal, lead: Lead, allowDuplicate: boolean): Promise<Customer> {
    const name = lead.companyName ?? lead.personName;
    const values = {
      kind: lead.companyName ? CustomerKind.COMPANY : CustomerKind.INDIVIDUAL,
      name,
      nameKey: companyKey(name),
      industry: lead.industry,
      country: lead.country,
      province: lead.province,
      city: lead.city,
      phone: lead.phone,
      email: lead.email,
      source: lead.source,
    };
    if (!allowDuplicate) {
      const candidates = await this.customerDuplicates.find(m, principal, { nameKey: values.nameKey, phone: values.phone, email: values.email });
      if (candidates.length) {
        throw new DomainException(ErrorCode.DUPLICATE_SUSPECTED, `${candidates.length} existing customer(s) look like this lead's company; link one with customerId, or send allowDuplicate=true to create a new one.`, { extensions: { candidates } });
      }
    }
    const owner = await this.activeUser(m, lead.ownerId ?? principal.userId);
    const record = { ...values, ownerId: owner.id, departmentId: owner.departmentId };
    const saved = await m.save(Customer, m.create(Customer, { ...record, customFields: {}, createdBy: principal.actorId, completeness: completeness(record) }));
    await this.audit.record(m, { action: 'create', entityType: 'customer', entityId: saved.id, changes: diff({}, { ...values, leadId: lead.id } as never) });
    await this.outbox.publish(m, { type: 'customer.created', aggregateType: 'customer', aggregateId: saved.id, payload: { ownerId: saved.ownerId, source: saved.source, leadId: lead.id } });
    return saved;
  }

  /** Someone other than the caller (or any owner without a caller) needs sales.lead.assign. */
  private async ownerFor(m: EntityManager, principal: Principal | undefined, ownerId: string): Promise<{ id: string; departmentId: string | null }> {
    if (principal && ownerId !== principal.userId && !principal.permissions['sales.lead.assign']) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Giving a lead to someone else needs sales.lead.assign.');
    }
    return this.activeUser(m, ownerId, 'ownerId');
  }

  private async activeUser(m: EntityManager, userId: string, field = 'ownerId'): Promise<{ id: string; departmentId: string | null }> {
    const user = await m.findOne(User, { where: { id: userId, active: true } });
    if (!user) throw fieldError(field, 'exists', `${field} does not name an active user`);
    return { id: user.id, departmentId: user.departmentId };
  }
}
