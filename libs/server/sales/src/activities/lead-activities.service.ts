import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActivityType, ErrorCode, LeadStatus, type ActivityDto, type CreateLeadActivityDto, type Page, type PageQueryDto, type UpdateActivityDto } from '@kehu/contracts';
import { applyScope, AuditService, diff, DomainException, fieldError, OutboxService, paginate, parseSort, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { Lead } from '../leads/lead.entity';
import { LeadsRepository } from '../leads/leads.repository';
import { checkTimes, defaultChannel, toParticipants } from './activity-rules';
import { Activity } from './activity.entity';
import { toActivityDto } from './activity.mapper';
import { LeadActivity } from './lead-activity.entity';

/** Types that count as reaching the person: logging one moves a new lead to contacted. A note does not. */
const CONTACT_TYPES: readonly string[] = [ActivityType.CALL, ActivityType.VISIT, ActivityType.MEETING, ActivityType.EMAIL];

/**
 * Follow-ups on a lead before conversion (the lead's timeline). Visibility follows the
 * lead: whoever sees the lead (sales.lead.read scope) sees and may log its follow-ups;
 * anyone else gets 404 (or, through POST /activities, 400 naming leadId, like customerId).
 */
@Injectable()
export class LeadActivitiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly leads: LeadsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Files the follow-up on the lead, moves `last_contacted_at` forward and a new lead to
   * contacted, in one transaction that holds the lead's row lock (conversion takes the same
   * lock, so a follow-up never slips in while the lead's history is being moved).
   * `notFoundAs`: the field named when the lead is not visible (POST /activities), else 404.
   */
  create(principal: Principal, leadId: string, dto: CreateLeadActivityDto, notFoundAs?: 'leadId'): Promise<ActivityDto> {
    if ((dto.type as ActivityType) === ActivityType.TASK) throw fieldError('type', 'notTaskOnLead', 'tasks are planned on customers; log calls, visits, meetings, e-mails and notes on a lead');
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : new Date();
    checkTimes(occurredAt, null, null);
    return this.tx.run(async (m) => {
      const lead = await this.visibleLead(m, principal, leadId, notFoundAs);
      if (lead.status === LeadStatus.CONVERTED) {
        throw new DomainException(ErrorCode.CONFLICT, 'This lead was converted; log the follow-up on its customer.', { extensions: { customerId: lead.customerId } });
      }
      const record = {
        leadId,
        type: dto.type,
        channel: dto.channel ?? defaultChannel(dto.type),
        subject: dto.subject,
        body: dto.body || null,
        outcome: dto.outcome || null,
        occurredAt,
        durationMinutes: dto.durationMinutes ?? null,
        participants: await toParticipants(m, dto.participants),
      };
      const saved = await m.save(LeadActivity, m.create(LeadActivity, { ...record, ownerId: principal.userId, departmentId: principal.departmentId, createdBy: principal.actorId }));
      const out = toActivityDto(saved);
      await this.audit.record(m, { action: 'create', entityType: 'activity', entityId: saved.id, changes: diff({}, record as never) });
      await this.outbox.publish(m, { type: 'activity.created', aggregateType: 'activity', aggregateId: saved.id, payload: { customerId: null, leadId, type: saved.type, ownerId: saved.ownerId, occurredAt: out.occurredAt } });
      await this.touchLead(m, lead, saved);
      return out;
    });
  }

  /**
   * The lead's timeline, newest first: its own follow-ups while open; once converted, the
   * same follow-ups where they went (the customer's activities tagged with this lead).
   */
  async list(principal: Principal, leadId: string, q: PageQueryDto): Promise<Page<ActivityDto>> {
    const lead = await this.leads.get(principal, leadId);
    const sort = parseSort(undefined, { occurredAt: { expression: 'a.occurred_at', key: 'occurredAt' } }, '-occurredAt', { expression: 'a.id', key: 'id' });
    const page = { sort, cursor: q.cursor, limit: q.limit, count: q.count };
    if (lead.customerId) return paginate(this.ds.getRepository(Activity).createQueryBuilder('a').where('a.lead_id = :leadId', { leadId }), page, toActivityDto);
    return paginate(this.ds.getRepository(LeadActivity).createQueryBuilder('a').where('a.lead_id = :leadId', { leadId }), page, toActivityDto);
  }

  /** GET /activities/{id} for a follow-up still on a lead: visible to whoever sees the lead. */
  async get(principal: Principal, id: string, manager: EntityManager = this.ds.manager): Promise<LeadActivity> {
    const a = await manager.findOneBy(LeadActivity, { id });
    if (!a) throw DomainException.notFound('Activity');
    await this.asActivity(() => this.leads.get(principal, a.leadId, 'sales.lead.read', manager));
    return a;
  }

  /**
   * PATCH /activities/{id} on a lead: the same fields as on a customer, minus what a lead
   * lacks (contact, tasks); the lead stays. lastContactedAt is recomputed (it may move back).
   */
  update(principal: Principal, id: string, version: number, dto: UpdateActivityDto): Promise<ActivityDto> {
    if ((dto.type as ActivityType | undefined) === ActivityType.TASK) throw fieldError('type', 'notTaskOnLead', 'tasks are planned on customers, not on a lead');
    for (const f of ['dueAt', 'reminderAt'] as const) if (dto[f] !== undefined) throw fieldError(f, 'taskOnly', `${f} is only for tasks`);
    if (dto.contactId) throw fieldError('contactId', 'notOnLead', 'a follow-up on a lead has no contact yet; it gets one on conversion');
    return this.tx.run(async (m) => {
      const before = await this.forWrite(m, principal, id, 'sales.activity.update');
      if (dto.leadId !== undefined && dto.leadId !== before.leadId) throw fieldError('leadId', 'fixed', 'a follow-up stays on its lead; conversion moves it');
      const changes: Partial<LeadActivity> = {};
      for (const f of ['type', 'channel', 'subject', 'opportunityId'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      for (const f of ['body', 'outcome'] as const) if (dto[f] !== undefined) changes[f] = dto[f] || null;
      if (dto.durationMinutes !== undefined) changes.durationMinutes = dto.durationMinutes;
      if (dto.occurredAt !== undefined) changes.occurredAt = new Date(dto.occurredAt);
      if (dto.participants !== undefined) changes.participants = await toParticipants(m, dto.participants);
      checkTimes(changes.occurredAt ?? null, null, null);
      await updateVersioned(m, LeadActivity, id, version, changes as Record<string, unknown>, 'Activity');
      const after = await m.findOneByOrFail(LeadActivity, { id });
      await this.recomputeLastContacted(m, before.leadId);
      const changed = diff(toActivityDto(before) as never, toActivityDto(after) as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'activity', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'activity.updated', aggregateType: 'activity', aggregateId: id, payload: { customerId: null, leadId: before.leadId, fields: Object.keys(changed) } });
      return toActivityDto(after);
    });
  }

  /** DELETE /activities/{id} on a lead: soft delete; lastContactedAt falls back to the newest remaining one. */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const a = await this.forWrite(m, principal, id, 'sales.activity.delete');
      await softDeleteRow(m, LeadActivity, id, 'Activity');
      await this.recomputeLastContacted(m, a.leadId);
      await this.audit.record(m, { action: 'delete', entityType: 'activity', entityId: id });
      await this.outbox.publish(m, { type: 'activity.deleted', aggregateType: 'activity', aggregateId: id, payload: { customerId: null, leadId: a.leadId } });
    });
  }

  /** A write needs the follow-up in the caller's activity scope and its lead visible; takes the lead's row lock (as logging and conversion do). */
  private async forWrite(m: EntityManager, principal: Principal, id: string, permission: string): Promise<LeadActivity> {
    const a = await applyScope(m.getRepository(LeadActivity).createQueryBuilder('a'), principal, permission, { owner: 'a.owner_id', department: 'a.department_id' })
      .andWhere('a.id = :id', { id })
      .getOne();
    if (!a) throw DomainException.notFound('Activity');
    await this.asActivity(() => this.leads.get(principal, a.leadId, 'sales.lead.read', m, true));
    return a;
  }

  /** A follow-up whose lead the caller cannot see does not exist for them. */
  private async asActivity<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof DomainException && err.code === ErrorCode.NOT_FOUND) throw DomainException.notFound('Activity');
      throw err;
    }
  }

  private recomputeLastContacted(m: EntityManager, leadId: string): Promise<unknown> {
    return m.query(`UPDATE leads SET last_contacted_at = (SELECT max(occurred_at) FROM lead_activities WHERE lead_id = $1 AND deleted_at IS NULL) WHERE id = $1`, [leadId]);
  }

  private async visibleLead(m: EntityManager, principal: Principal, leadId: string, notFoundAs?: 'leadId'): Promise<Lead> {
    try {
      return await this.leads.get(principal, leadId, 'sales.lead.read', m, true);
    } catch (err) {
      if (notFoundAs && err instanceof DomainException && err.code === ErrorCode.NOT_FOUND) throw fieldError(notFoundAs, 'exists', `${notFoundAs} does not name a lead you can see`);
      throw err;
    }
  }

  /** last_contacted_at never goes backwards (derived: no version bump); new → contacted is a real change (version, audit, event). */
  private async touchLead(m: EntityManager, lead: Lead, a: LeadActivity): Promise<void> {
    const contacted = lead.status === LeadStatus.NEW && CONTACT_TYPES.includes(a.type);
    await m.query(`UPDATE leads SET last_contacted_at = GREATEST(last_contacted_at, $2::timestamptz) WHERE id = $1`, [lead.id, a.occurredAt]);
    if (!contacted) return;
    await m.query(`UPDATE leads SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [lead.id, LeadStatus.CONTACTED]);
    await this.audit.record(m, { action: 'update', entityType: 'lead', entityId: lead.id, changes: { status: { before: lead.status, after: LeadStatus.CONTACTED }, activityId: { before: null, after: a.id } } });
    await this.outbox.publish(m, { type: 'lead.updated', aggregateType: 'lead', aggregateId: lead.id, payload: { fields: ['status'], status: LeadStatus.CONTACTED } });
  }
}
