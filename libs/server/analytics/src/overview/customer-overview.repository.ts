import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerOverviewDto } from '@kehu/contracts';
import { Clock, DomainException, queryPrepared, scopeSql, type Principal } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { DataSource } from 'typeorm';

type Row = Record<string, string | number | boolean | Date | null | Record<string, unknown>>;

const num = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/**
 * The customer 360 (客户全景) read model: one statement of scalar subqueries over the other
 * modules' tables (analytics reads them as SQL, never through their services), each narrowed
 * to the caller's data scope of that record kind, each on an index by customer. A section the
 * caller may not read (permission, or module off for their department) is left out of the SQL.
 */
@Injectable()
export class CustomerOverviewRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly customers: CustomersRepository,
    private readonly clock: Clock,
  ) {}

  async overview(principal: Principal, customerId: string): Promise<CustomerOverviewDto> {
    const params: unknown[] = [customerId, this.clock.now()];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const may = (module: string, permission: string) => principal.modules.includes(module as never) && !!principal.permissions[permission];
    const scope = (permission: string, alias: string) => scopeSql(principal, permission, { owner: `${alias}.owner_id`, department: `${alias}.department_id` }, bind);
    const year = `$2::timestamptz - interval '12 months'`;
    const parts: string[] = [];

    const sales = may('sales', 'sales.opportunity.read') || may('sales', 'sales.order.read');
    if (sales) {
      const o = scope('sales.opportunity.read', 'o');
      const r = scope('sales.order.read', 'r');
      parts.push(`(SELECT json_build_object(
          'openOpportunities', count(*) FILTER (WHERE o.status = 'open'), 'openPipelineAmount', coalesce(sum(o.amount) FILTER (WHERE o.status = 'open'), 0),
          'wonLast12Months', count(*) FILTER (WHERE o.status = 'won' AND o.won_at >= ${year}), 'wonAmountLast12Months', coalesce(sum(o.amount) FILTER (WHERE o.status = 'won' AND o.won_at >= ${year}), 0))
        FROM opportunities o WHERE o.customer_id = $1 AND o.deleted_at IS NULL AND ${o}) AS opportunities`);
      parts.push(`(SELECT json_build_object(
          'revenueLast12Months', coalesce(sum(r.total) FILTER (WHERE r.status IN ('paid', 'shipped', 'delivered') AND r.placed_at >= ${year}), 0),
          'ordersLast12Months', count(*) FILTER (WHERE r.status IN ('paid', 'shipped', 'delivered') AND r.placed_at >= ${year}), 'lastOrderAt', max(r.placed_at))
        FROM orders r WHERE r.customer_id = $1 AND r.deleted_at IS NULL AND ${r}) AS orders`);
    }
    const activity = may('sales', 'sales.activity.read');
    if (activity) {
      const a = scope('sales.activity.read', 'a');
      parts.push(`(SELECT json_build_object('lastFollowUpAt', max(a.occurred_at) FILTER (WHERE a.type <> 'task' OR a.done), 'followUpsLast90Days', count(*) FILTER (WHERE (a.type <> 'task' OR a.done) AND a.occurred_at >= $2::timestamptz - interval '90 days'))
        FROM activities a WHERE a.customer_id = $1 AND a.deleted_at IS NULL AND ${a}) AS activity`);
      parts.push(`(SELECT json_build_object('dueAt', a.due_at, 'subject', a.subject) FROM activities a
        WHERE a.customer_id = $1 AND a.type = 'task' AND NOT a.done AND a.deleted_at IS NULL AND ${scope('sales.activity.read', 'a')} ORDER BY a.due_at NULLS LAST, a.id LIMIT 1) AS next_task`);
    }
    const service = may('service', 'service.case.read');
    if (service) {
      const c = scope('service.case.read', 'c');
      parts.push(`(SELECT json_build_object(
          'openCases', count(*) FILTER (WHERE c.status IN ('new', 'open', 'pending')),
          'breachedCases', count(*) FILTER (WHERE c.status IN ('new', 'open', 'pending') AND (c.response_breached_at IS NOT NULL OR c.resolution_breached_at IS NOT NULL)),
          'casesLast12Months', count(*) FILTER (WHERE c.created_at >= ${year}),
          'satisfactionAverage', round(avg(c.satisfaction) FILTER (WHERE c.satisfaction_at >= ${year}), 2), 'lastCaseAt', max(c.created_at))
        FROM service_cases c WHERE c.customer_id = $1 AND c.deleted_at IS NULL AND ${c}) AS cases`);
      const sc = may('service', 'service.contract.read') ? scope('service.contract.read', 'sc') : 'false';
      parts.push(`(SELECT json_build_object('id', sc.id, 'number', sc.number, 'name', sc.name, 'level', sc.level, 'endDate', sc.end_date) FROM service_contracts sc
        WHERE sc.customer_id = $1 AND sc.deleted_at IS NULL AND sc.terminated_at IS NULL AND sc.start_date <= ($2::timestamptz AT TIME ZONE (SELECT calendar->>'timeZone' FROM sla_policies WHERE id = 1))::date
          AND sc.end_date >= ($2::timestamptz AT TIME ZONE (SELECT calendar->>'timeZone' FROM sla_policies WHERE id = 1))::date AND ${sc}
        ORDER BY sc.end_date DESC, sc.id DESC LIMIT 1) AS contract`);
    }
    const value = may('analytics', 'analytics.value.read');
    if (value) {
      parts.push(`(SELECT json_build_object('rfmSegment', v.rfm_segment, 'lifetimeValue', v.lifetime_value, 'totalValue', v.total_value, 'computedAt', v.computed_at) FROM customer_values v WHERE v.customer_id = $1) AS value`);
    }
    // The customer's own scope check rides in the statement (a missed one is 404, as for the
    // customer); $2 (now) is named once whatever the sections, so the parameter count always matches.
    const visible = this.customers.visibleSql(principal, '$1', bind);
    const [row] = await queryPrepared<Row>(this.ds.manager, `SELECT $2::timestamptz AS now${parts.map((p) => `,\n${p}`).join('')} WHERE ${visible}`, params);
    if (!row) throw DomainException.notFound('Customer');
    const o = (row.opportunities ?? {}) as Row;
    const r = (row.orders ?? {}) as Row;
    const a = (row.activity ?? {}) as Row;
    const t = row.next_task as Row | null;
    const c = (row.cases ?? {}) as Row;
    const sc = row.contract as Row | null;
    const v = row.value as Row | null;
    return {
      customerId,
      sales: sales
        ? {
            openOpportunities: Number(o.openOpportunities ?? 0),
            openPipelineAmount: num(o.openPipelineAmount),
            wonLast12Months: Number(o.wonLast12Months ?? 0),
            wonAmountLast12Months: num(o.wonAmountLast12Months),
            revenueLast12Months: num(r.revenueLast12Months),
            ordersLast12Months: Number(r.ordersLast12Months ?? 0),
            lastOrderAt: r.lastOrderAt ? new Date(r.lastOrderAt as string).toISOString() : null,
          }
        : null,
      activity: activity
        ? {
            lastFollowUpAt: a.lastFollowUpAt ? new Date(a.lastFollowUpAt as string).toISOString() : null,
            followUpsLast90Days: Number(a.followUpsLast90Days ?? 0),
            nextTaskDueAt: t?.dueAt ? new Date(t.dueAt as string).toISOString() : null,
            nextTaskSubject: (t?.subject as string) ?? null,
          }
        : null,
      service: service
        ? {
            openCases: Number(c.openCases ?? 0),
            breachedCases: Number(c.breachedCases ?? 0),
            casesLast12Months: Number(c.casesLast12Months ?? 0),
            satisfactionAverage: c.satisfactionAverage === null || c.satisfactionAverage === undefined ? null : Number(c.satisfactionAverage),
            lastCaseAt: c.lastCaseAt ? new Date(c.lastCaseAt as string).toISOString() : null,
            contract: sc ? { id: sc.id as string, number: sc.number as string, name: sc.name as string, level: (sc.level as string) ?? null, endDate: sc.endDate as string } : null,
          }
        : null,
      value: v ? { rfmSegment: v.rfmSegment as string, lifetimeValue: num(v.lifetimeValue), totalValue: num(v.totalValue), computedAt: new Date(v.computedAt as string).toISOString() } : null,
    };
  }
}
