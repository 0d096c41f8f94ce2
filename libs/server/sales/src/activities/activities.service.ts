import { Injectable } from '@nestjs/common';
import { ActivityLimits, ActivityType, ErrorCode, type ActivityDto, type CreateActivityDto, type QuickCreateActivityDto, type UpdateActivityDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { Contact, CustomersRepository } from '@kehu/server-customers';
import type { EntityManager } from 'typeorm';
import { Activity } from './activity.entity';
import { toActivityDto } from './activity.mapper';
import { ActivitiesRepository } from './activities.repository';
import { checkTimes, defaultChannel, toParticipants } from './activity-rules';
import { followUpTime, LastFollowUp } from './last-follow-up';
import { LeadActivitiesService } from './lead-activities.service';
import type { LeadActivity } from './lead-activity.entity';

const taskOnly = ['dueAt', 'reminderAt'] as const;

/** Tries the customer's follow-ups first; an id not found there may name one still on a lead. */
async function orOnLead<T>(onCustomer: () => Promise<T>, onLead: () => Promise<T>): Promise<T> {
  try {
    return await onCustomer();
  } catch (err) {
    if (err instanceof DomainException && err.code === ErrorCode.NOT_FOUND) return onLead();
    throw err;
  }
}

/** Quick entry: the first line (cut at 100 characters) is the subject, everything after it the body. */
export function splitQuickText(text: string): { subject: string; body: string | null } {
  const trimmed = text.trim();
  const lineEnd = trimmed.search(/\r?\n/);
  const firstLine = lineEnd < 0 ? trimmed : trimmed.slice(0, lineEnd);
  const subject = [...firstLine].slice(0, ActivityLimits.quickSubjectMaxLength).join('').trim();
  const body = trimmed.slice(subject.length).trim();
  return { subject, body: body || null };
}

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: ActivitiesRepository,
    private readonly customers: CustomersRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly leadActivities: LeadActivitiesService,
  ) {}

  /**
   * Owned by the caller (with X-On-Behalf-Of: the rep); moves the customer's last follow-up
   * forward in the same transaction. With leadId instead of customerId it is filed on the lead.
   */
  create(principal: Principal, dto: CreateActivityDto): Promise<ActivityDto> {
    if (!dto.customerId === !dto.leadId) throw fieldError('customerId', 'customerOrLead', 'give exactly one of customerId and leadId');
    if (dto.leadId) {
      if (dto.contactId) throw fieldError('contactId', 'notOnLead', 'a follow-up on a lead has no contact yet; it gets one on conversion');
      return this.leadActivities.create(principal, dto.leadId, dto, 'leadId');
    }
    const customerId = dto.customerId as string;
    const isTask = dto.type === ActivityType.TASK;
    if (!isTask) for (const f of taskOnly) if (dto[f] !== undefined) throw fieldError(f, 'taskOnly', `${f} is only for tasks`);
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : new Date();
    checkTimes(occurredAt, dto.dueAt ? new Date(dto.dueAt) : null, dto.reminderAt ? new Date(dto.reminderAt) : null);
    return this.tx.run(async (m) => {
      await this.customers.linkable(principal, customerId, m);
      await this.checkContact(m, customerId, dto.contactId);
      const participants = await toParticipants(m, dto.participants);
      const record = {
        type: dto.type,
        channel: dto.channel ?? defaultChannel(dto.type),
        subject: dto.subject,
        body: dto.body || null,
        outcome: dto.outcome || null,
        occurredAt,
        durationMinutes: dto.durationMinutes ?? null,
        participants,
        customerId,
        contactId: dto.contactId ?? null,
        leadId: null,
        opportunityId: dto.opportunityId ?? null,
        dueAt: isTask && dto.dueAt ? new Date(dto.dueAt) : null,
        reminderAt: isTask && dto.reminderAt ? new Date(dto.reminderAt) : null,
      };
      // Customer first (takes its row lock), then the activity: see LastFollowUp.
      await LastFollowUp.advance(m, customerId, followUpTime({ ...record, doneAt: null }));
      const saved = await m.save(Activity, m.create(Activity, { ...record, ownerId: principal.userId, departmentId: principal.departmentId, createdBy: principal.actorId }));
      const dtoOut = toActivityDto(saved);
      await this.audit.record(m, { action: 'create', entityType: 'activity', entityId: saved.id, changes: diff({}, record as never) });
      await this.outbox.publish(m, { type: 'activity.created', aggregateType: 'activity', aggregateId: saved.id, payload: { customerId: saved.customerId, type: saved.type, ownerId: saved.ownerId, occurredAt: dtoOut.occurredAt } });
      return dtoOut;
    });
  }

  /** `{ customerId or leadId, type, text }` → a full activity in one round trip. */
  quickCreate(principal: Principal, dto: QuickCreateActivityDto): Promise<ActivityDto> {
    const { subject, body } = splitQuickText(dto.text);
    if (!subject) throw fieldError('text', 'isNotEmpty', 'text must not be empty');
    return this.create(principal, { customerId: dto.customerId, leadId: dto.leadId, type: dto.type, subject, ...(body ? { body } : {}) });
  }

  /** A customer's follow-up, else one still on a lead (visible with its lead). */
  get(principal: Principal, id: string): Promise<Activity | LeadActivity> {
    return orOnLead<Activity | LeadActivity>(
      () => this.repo.get(principal, id),
      () => this.leadActivities.get(principal, id),
    );
  }

  update(principal: Principal, id: string, version: number, dto: UpdateActivityDto): Promise<ActivityDto> {
    return orOnLead(
      () => this.updateOnCustomer(principal, id, version, dto),
      () => this.leadActivities.update(principal, id, version, dto),
    );
  }

  private updateOnCustomer(principal: Principal, id: string, version: number, dto: UpdateActivityDto): Promise<ActivityDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.activity.update', m);
      const wasTask = before.type === ActivityType.TASK;
      if (dto.type && (dto.type === ActivityType.TASK) !== wasTask) throw fieldError('type', 'taskStaysTask', 'a task cannot become another type, nor another type a task');
      if (!wasTask) for (const f of taskOnly) if (dto[f] !== undefined) throw fieldError(f, 'taskOnly', `${f} is only for tasks`);
      const changes: Partial<Activity> = {};
      for (const f of ['type', 'channel', 'subject', 'contactId', 'leadId', 'opportunityId'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      for (const f of ['body', 'outcome'] as const) if (dto[f] !== undefined) changes[f] = dto[f] || null;
      if (dto.durationMinutes !== undefined) changes.durationMinutes = dto.durationMinutes;
      if (dto.occurredAt !== undefined) changes.occurredAt = new Date(dto.occurredAt);
      for (const f of taskOnly) if (dto[f] !== undefined) changes[f] = dto[f] ? new Date(dto[f] as string) : null;
      if (dto.participants !== undefined) changes.participants = await toParticipants(m, dto.participants);
      const next = { ...before, ...changes };
      checkTimes(dto.occurredAt !== undefined ? next.occurredAt : null, next.dueAt, next.reminderAt);
      if (dto.contactId) await this.checkContact(m, before.customerId, dto.contactId);

      await LastFollowUp.lock(m, before.customerId);
      await updateVersioned(m, Activity, id, version, changes, 'Activity');
      const after = await m.findOneByOrFail(Activity, { id });
      const [was, now] = [followUpTime(before), followUpTime(after)];
      if (was?.getTime() !== now?.getTime()) {
        await LastFollowUp.recomputeIfNewest(m, before.customerId, was);
        await LastFollowUp.advance(m, before.customerId, now);
      }
      const changed = diff(toActivityDto(before) as never, toActivityDto(after) as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'activity', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'activity.updated', aggregateType: 'activity', aggregateId: id, payload: { customerId: after.customerId, fields: Object.keys(changed) } });
      return toActivityDto(after);
    });
  }

  /** Soft delete; when it was the customer's newest follow-up, last_follow_up_at falls back to the next one. */
  remove(principal: Principal, id: string): Promise<void> {
    return orOnLead(
      () => this.removeOnCustomer(principal, id),
      () => this.leadActivities.remove(principal, id),
    );
  }

  private removeOnCustomer(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const a = await this.repo.get(principal, id, 'sales.activity.delete', m);
      await LastFollowUp.lock(m, a.customerId);
      await softDeleteRow(m, Activity, id, 'Activity');
      await LastFollowUp.recomputeIfNewest(m, a.customerId, followUpTime(a));
      await this.audit.record(m, { action: 'delete', entityType: 'activity', entityId: id });
      await this.outbox.publish(m, { type: 'activity.deleted', aggregateType: 'activity', aggregateId: id, payload: { customerId: a.customerId } });
    });
  }

  /**
   * Marks a task done. Idempotent: a second call (even a concurrent one) changes
   * nothing and answers with the first doneAt; only the first writes audit and outbox.
   */
  complete(principal: Principal, id: string): Promise<ActivityDto> {
    return orOnLead(
      () => this.completeOnCustomer(principal, id),
      async () => {
        const a = await this.leadActivities.get(principal, id);
        throw new DomainException(ErrorCode.CONFLICT, `Only tasks can be completed; this is a ${a.type}.`);
      },
    );
  }

  private completeOnCustomer(principal: Principal, id: string): Promise<ActivityDto> {
    return this.tx.run(async (m) => {
      const a = await this.repo.get(principal, id, 'sales.activity.update', m);
      if (a.type !== ActivityType.TASK) throw new DomainException(ErrorCode.CONFLICT, `Only tasks can be completed; this is a ${a.type}.`);
      await LastFollowUp.lock(m, a.customerId);
      const result = await m
        .createQueryBuilder()
        .update(Activity)
        .set({ done: true, doneAt: () => 'now()', version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND NOT done AND deleted_at IS NULL', { id })
        .execute();
      const after = await m.findOneByOrFail(Activity, { id });
      if (result.affected === 1) {
        await LastFollowUp.advance(m, a.customerId, after.doneAt);
        await this.audit.record(m, { action: 'complete', entityType: 'activity', entityId: id, changes: { done: { before: false, after: true } } });
        await this.outbox.publish(m, { type: 'activity.completed', aggregateType: 'activity', aggregateId: id, payload: { customerId: a.customerId, ownerId: a.ownerId } });
      }
      return toActivityDto(after);
    });
  }

  /** A follow-up's contact must be a (live) contact of the same customer. */
  private async checkContact(m: EntityManager, customerId: string, contactId: string | undefined | null): Promise<void> {
    if (!contactId) return;
    if (!(await m.exists(Contact, { where: { id: contactId, customerId } }))) {
      throw fieldError('contactId', 'belongsToCustomer', 'contactId must name a contact of this customer');
    }
  }
}
