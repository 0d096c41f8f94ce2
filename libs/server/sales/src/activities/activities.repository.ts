import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TaskWindow, type ActivityDto, type ListActivitiesQuery, type ListMyTasksQuery, type Page } from '@kehu/contracts';
import { applyScope, DomainException, getRawPrepared, paginate, paginateJson, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CustomersRepository } from '@kehu/server-customers';
import { Activity } from './activity.entity';
import { activityJson } from './activity-json';
import { toActivityDto } from './activity.mapper';

const id = { expression: 'a.id', key: 'id' };
const sorts = {
  occurredAt: { expression: 'a.occurred_at', key: 'occurredAt' },
  // Tasks without a due date sort last.
  dueAt: { expression: "coalesce(a.due_at, 'infinity'::timestamptz)", key: 'dueAt' },
};

/** Local midnight of the caller's day, as timestamptz (index-friendly range bounds on due_at). */
const dayStart = (offsetDays: number) => `((date_trunc('day', now() AT TIME ZONE :tz) + interval '${offsetDays} day') AT TIME ZONE :tz)`;

const windows: Record<TaskWindow, string> = {
  [TaskWindow.TODAY]: `a.due_at >= ${dayStart(0)} AND a.due_at < ${dayStart(1)}`,
  [TaskWindow.OVERDUE]: 'a.due_at < now()',
  [TaskWindow.UPCOMING]: `(a.due_at >= ${dayStart(1)} OR a.due_at IS NULL)`,
};

/** Every activity query; the data scope (owner / team / department / all) is applied here, once. */
@Injectable()
export class ActivitiesRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly customers: CustomersRepository,
  ) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Activity> {
    return applyScope(manager.getRepository(Activity).createQueryBuilder('a'), principal, permission, { owner: 'a.owner_id', department: 'a.department_id' });
  }

  async get(principal: Principal, activityId: string, permission = 'sales.activity.read', manager?: EntityManager): Promise<Activity> {
    const a = await this.scoped(principal, permission, manager).andWhere('a.id = :activityId', { activityId }).getOne();
    if (!a) throw DomainException.notFound('Activity');
    return a;
  }

  /**
   * The customer timeline (customerId) and the other lists, newest first by default.
   * A customer's timeline is whole for anyone who may see the customer (one timeline
   * across reps, service and channels); other lists follow the activity's own scope.
   */
  async list(principal: Principal, q: ListActivitiesQuery): Promise<Page<ActivityDto>> {
    // Both statements are prepared: their plans (by primary key, by one customer's index) do not depend on the values.
    const wholeTimeline =
      q.customerId !== undefined &&
      (await getRawPrepared(this.customers.scoped(principal, 'sales.customer.read').select('1', 'one').andWhere('c.id = :customerId', { customerId: q.customerId }))).length > 0;
    const qb = wholeTimeline ? this.ds.getRepository(Activity).createQueryBuilder('a') : this.scoped(principal, 'sales.activity.read');
    if (q.customerId) qb.andWhere('a.customer_id = :customerId', { customerId: q.customerId });
    if (q.contactId) qb.andWhere('a.contact_id = :contactId', { contactId: q.contactId });
    if (q.ownerId) qb.andWhere('a.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.type) qb.andWhere('a.type = :type', { type: q.type });
    if (q.done !== undefined) qb.andWhere('a.done = :done', { done: q.done });
    if (q.from) qb.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.occurred_at < :to', { to: q.to });
    const sort = parseSort(q.sort, sorts, '-occurredAt', id);
    return paginateJson<Activity, ActivityDto>(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count, prepared: wholeTimeline }, activityJson('a'));
  }

  /** The caller's own open tasks, soonest due first; "today" is the caller's day in `tz`. */
  myTasks(principal: Principal, q: ListMyTasksQuery, tz: string): Promise<Page<ActivityDto>> {
    const qb = this.scoped(principal, 'sales.activity.read')
      .andWhere("a.owner_id = :me AND a.type = 'task' AND NOT a.done", { me: principal.userId })
      .setParameter('tz', tz);
    if (q.when) qb.andWhere(windows[q.when]);
    const sort = parseSort('dueAt', sorts, 'dueAt', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, toActivityDto);
  }
}
