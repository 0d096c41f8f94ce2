import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataScope, RfmSegment, type CustomerValueDto, type RfmOverviewDto } from '@kehu/contracts';
import { applyScope, DomainException, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';

const PERMISSION = 'analytics.value.read';
const SEGMENTS = Object.values(RfmSegment);
const VALUE_COLUMNS = ['last_order_at', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_segment', 'lifetime_value', 'referral_count', 'referral_value', 'total_value', 'computed_at'];

/** Reads of customer values, always through the customers' data scope (owner / department). */
@Injectable()
export class CustomerValuesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private scoped(principal: Principal) {
    const qb = this.ds.createQueryBuilder().from('customers', 'c').leftJoin('customer_values', 'cv', 'cv.customer_id = c.id').where('c.deleted_at IS NULL');
    return applyScope(qb, principal, PERMISSION, { owner: 'c.owner_id', department: 'c.department_id' });
  }

  /** One customer's value; a customer not yet computed reads as `no_orders` with zeros. 404 outside the scope. */
  async get(principal: Principal, customerId: string): Promise<CustomerValueDto> {
    const r = await this.scoped(principal)
      .select(['c.id AS id', 'c.created_at AS created_at', ...VALUE_COLUMNS.map((k) => `cv.${k} AS ${k}`)])
      .andWhere('c.id = :id', { id: customerId })
      .getRawOne();
    if (!r) throw DomainException.notFound('Customer');
    const since = r.computed_at ?? new Date();
    return {
      customerId: r.id,
      rfmSegment: r.rfm_segment ?? RfmSegment.NO_ORDERS,
      rScore: r.r_score ?? null,
      fScore: r.f_score ?? null,
      mScore: r.m_score ?? null,
      recencyDays: r.last_order_at ? Math.max(0, Math.floor((since.getTime() - r.last_order_at.getTime()) / 86_400_000)) : null,
      frequency: r.frequency ?? 0,
      monetary: Number(r.monetary ?? 0),
      lifetimeValue: Number(r.lifetime_value ?? 0),
      referralCount: r.referral_count ?? 0,
      referralValue: Number(r.referral_value ?? 0),
      totalValue: Number(r.total_value ?? 0),
      computedAt: (r.computed_at ?? r.created_at).toISOString(),
    };
  }

  /**
   * The R × F grid and the segments of the caller's customers. With the whole company in
   * scope the customers table is left out: values of deleted customers are pruned each run.
   */
  async overview(principal: Principal, computedAt: string | null): Promise<RfmOverviewDto> {
    const all = principal.permissions[PERMISSION] === DataScope.ALL;
    const base = () => (all ? this.ds.createQueryBuilder().from('customer_values', 'cv') : this.scoped(principal).andWhere('cv.customer_id IS NOT NULL'));
    const [cells, segments, total] = await Promise.all([
      base()
        .select(['cv.r_score AS r', 'cv.f_score AS f', 'count(*)::int AS customers', 'round(avg(cv.monetary), 2) AS avg'])
        .andWhere('cv.r_score IS NOT NULL')
        .groupBy('cv.r_score, cv.f_score')
        .getRawMany(),
      base()
        .select(['cv.rfm_segment AS segment', 'count(*)::int AS customers', 'sum(cv.monetary) AS monetary', 'sum(cv.total_value) AS total'])
        .groupBy('cv.rfm_segment')
        .getRawMany(),
      all ? this.ds.query(`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NULL`).then((r) => r[0].n as number) : this.scoped(principal).select('count(*)::int', 'n').getRawOne().then((r) => r.n as number),
    ]);
    const bySegment = new Map(segments.map((s) => [s.segment, s]));
    const computed = segments.reduce((n, s) => n + s.customers, 0);
    return {
      cells: cells.map((c) => ({ r: c.r, f: c.f, customers: c.customers, avgMonetary: Number(c.avg) })),
      // Every segment, in a fixed order; customers added since the last run count as no_orders.
      segments: SEGMENTS.map((segment) => {
        const s = bySegment.get(segment);
        const extra = segment === RfmSegment.NO_ORDERS ? Math.max(0, total - computed) : 0;
        return { segment, customers: (s?.customers ?? 0) + extra, monetary: Number(s?.monetary ?? 0), totalValue: Number(s?.total ?? 0) };
      }),
      customers: total,
      computedAt,
    };
  }
}
