import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasePriority, ErrorCode, type ContractSlaTargetDto, type SlaPolicyDto, type SlaTargetDto, type UpdateSlaPolicyDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, TransactionService, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { addTargetMinutes, hasWorkingTime, isTimeZone, localDate } from './business-calendar';
import { SlaPolicy } from './sla-policy.entity';

/** Due times of a new (or re-prioritised) case's two clocks. */
export interface CaseClocks {
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  businessHours: boolean;
}

const toDto = (p: SlaPolicy): SlaPolicyDto => ({ calendar: p.calendar, targets: p.targets, autoCloseDays: p.autoCloseDays, updatedAt: p.updatedAt.toISOString(), version: p.version });

/** The company SLA policy: business calendar, targets per priority, auto-close; and the due times it gives. */
@Injectable()
export class SlaPolicyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Today in the SLA calendar's zone: the day contract terms and figures count in. */
  async today(manager: EntityManager = this.ds.manager): Promise<string> {
    return localDate((await this.policy(manager)).calendar.timeZone, this.clock.now());
  }

  async policy(manager: EntityManager = this.ds.manager): Promise<SlaPolicy> {
    return manager.findOneByOrFail(SlaPolicy, { id: 1 });
  }

  async get(): Promise<SlaPolicyDto> {
    return toDto(await this.policy());
  }

  /**
   * Clocks start when the case is raised; a priority without a target has no clock. A service
   * contract's target for the priority replaces the policy's (its calendar stays the policy's).
   */
  clocksFor(policy: SlaPolicy, priority: string, raisedAt: Date, contractTargets: ContractSlaTargetDto[] = []): CaseClocks {
    const own = contractTargets.find((t) => t.priority === priority);
    const target = own ? { ...own, businessHours: own.businessHours ?? true } : policy.targets.find((t) => t.priority === priority);
    if (!target) return { responseDueAt: null, resolutionDueAt: null, businessHours: true };
    const due = (minutes: number | null) => (minutes ? addTargetMinutes(policy.calendar, raisedAt, minutes, target.businessHours) : null);
    return { responseDueAt: due(target.firstResponseMinutes), resolutionDueAt: due(target.resolutionMinutes), businessHours: target.businessHours };
  }

  /** Needs If-Match. New rules apply to cases raised (or re-prioritised) afterwards. */
  update(principal: Principal, version: number, dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.tx.run(async (m) => {
      const before = await m.getRepository(SlaPolicy).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = 1').getOneOrFail();
      if (before.version !== version) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'The SLA policy was changed by someone else; reload and try again.');
      const after = { calendar: dto.calendar ?? before.calendar, targets: dto.targets ?? before.targets, autoCloseDays: dto.autoCloseDays ?? before.autoCloseDays };
      check(after.calendar, after.targets);
      await m.update(SlaPolicy, { id: 1 }, { ...after, updatedBy: principal.actorId, updatedAt: () => 'now()', version: () => 'version + 1' } as never);
      await this.audit.record(m, { action: 'update', entityType: 'sla_policy', entityId: null, changes: diff(before as never, { ...before, ...after } as never) });
      return toDto(await this.policy(m));
    });
  }
}

/** Rules a DTO cannot express: a real zone, intervals in order and apart, each priority once, working time for business-hour targets. */
function check(calendar: SlaPolicy['calendar'], targets: SlaTargetDto[]): void {
  if (!isTimeZone(calendar.timeZone)) throw fieldError('calendar.timeZone', 'timeZone', 'calendar.timeZone must be an IANA time zone such as Asia/Shanghai');
  calendar.workingHours.forEach((w, i) => {
    if (w.end <= w.start) throw fieldError(`calendar.workingHours.${i}.end`, 'afterStart', 'end must be after start');
    const overlap = calendar.workingHours.findIndex((o, j) => j !== i && o.weekday === w.weekday && o.start < w.end && w.start < o.end);
    if (overlap >= 0) throw fieldError(`calendar.workingHours.${i}`, 'noOverlap', `overlaps interval ${overlap} of the same weekday`);
  });
  const priorities = Object.values(CasePriority);
  priorities.forEach((p) => {
    if (targets.filter((t) => t.priority === p).length !== 1) throw fieldError('targets', 'onePerPriority', `targets must hold exactly one entry per priority (${priorities.join(', ')})`);
  });
  targets.forEach((t, i) => {
    if (t.firstResponseMinutes && t.resolutionMinutes && t.resolutionMinutes < t.firstResponseMinutes) {
      throw fieldError(`targets.${i}.resolutionMinutes`, 'notBeforeResponse', 'resolutionMinutes may not be shorter than firstResponseMinutes');
    }
  });
  if (targets.some((t) => t.businessHours) && !hasWorkingTime(calendar)) {
    throw fieldError('calendar.workingHours', 'required', 'business-hour targets need working hours in the calendar');
  }
}
