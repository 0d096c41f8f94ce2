import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CubeDimension, CubeMeasure, type CubeMemberDto, type RevenueCubeDto, type RevenueCubeQueryDto } from '@kehu/contracts';
import { applyScope, fieldError, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { dimensionKey, isTime, monthSpan, periods } from './cube-dimensions';

const MAX_MONTHS = 120;
/** Owners and departments are few; a province list is 34. More members than this is not a table anyone reads. */
const MAX_MEMBERS = 500;

/**
 * The revenue cube: sums of the rollup (one row per month × province × department × owner,
 * kept current by triggers on orders) grouped by two dimensions, in the caller's
 * `analytics.revenue.read` scope on the order's owner / department.
 */
@Injectable()
export class RevenueCubeService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async query(principal: Principal, q: RevenueCubeQueryDto): Promise<RevenueCubeDto> {
    if (q.to < q.from) throw fieldError('to', 'min', 'to must not be before from');
    if (monthSpan(q.from, q.to) > MAX_MONTHS) throw fieldError('to', 'max', `at most ${MAX_MONTHS} months from from`);
    if (q.columns === q.rows) throw fieldError('columns', 'distinct', 'columns must differ from rows');
    const measure = q.measure ?? CubeMeasure.REVENUE;
    const rowKey = dimensionKey[q.rows];
    const colKey = q.columns ? dimensionKey[q.columns] : `''`;
    const qb = this.ds
      .createQueryBuilder()
      .from('revenue_rollup', 'r')
      .select([`${rowKey} AS rk`, `${colKey} AS ck`, `sum(r.${measure === CubeMeasure.ORDERS ? 'orders' : 'revenue'}) AS v`])
      .where('r.month BETWEEN :from::date AND :to::date', { from: `${q.from}-01`, to: `${q.to}-01` })
      .groupBy('1, 2');
    if (q.province !== undefined) qb.andWhere('r.province = :province', { province: q.province });
    if (q.departmentId) qb.andWhere('r.department_id = :departmentId', { departmentId: q.departmentId });
    if (q.ownerId) qb.andWhere('r.owner_id = :ownerId', { ownerId: q.ownerId });
    applyScope(qb, principal, 'analytics.revenue.read', { owner: 'r.owner_id', department: 'r.department_id' });
    const cells: { rk: string; ck: string; v: string }[] = await qb.getRawMany();

    const rows = this.members(q.rows, q.from, q.to, cells.map((c) => c.rk));
    const cols = q.columns ? this.members(q.columns, q.from, q.to, cells.map((c) => c.ck)) : [''];
    const ri = new Map(rows.map((k, i) => [k, i]));
    const ci = new Map(cols.map((k, i) => [k, i]));
    const values = rows.map(() => cols.map(() => 0));
    for (const c of cells) values[ri.get(c.rk)!][ci.get(c.ck)!] += Number(c.v);
    const round = (n: number) => Math.round(n * 100) / 100;
    let rowTotals = values.map((r) => round(r.reduce((a, b) => a + b, 0)));
    // Non-time rows: largest total first (what a manager looks for), capped.
    let order = rows.map((_, i) => i);
    if (!isTime(q.rows)) order = order.sort((a, b) => rowTotals[b] - rowTotals[a] || rows[a].localeCompare(rows[b])).slice(0, MAX_MEMBERS);
    const sortedValues = order.map((i) => values[i].map(round));
    rowTotals = order.map((i) => rowTotals[i]);
    const columnTotals = cols.map((_, j) => round(sortedValues.reduce((a, r) => a + r[j], 0)));
    const labels = await this.labels([...(q.rows === CubeDimension.DEPARTMENT || q.columns === CubeDimension.DEPARTMENT ? ['department'] : []), ...(q.rows === CubeDimension.OWNER || q.columns === CubeDimension.OWNER ? ['owner'] : [])], [...rows, ...cols]);
    const member = (key: string): CubeMemberDto => ({ key, label: labels.get(key) ?? key });
    return {
      measure,
      rows: order.map((i) => member(rows[i])),
      columns: q.columns ? cols.map(member) : [{ key: '', label: '' }],
      values: sortedValues,
      rowTotals,
      columnTotals,
      total: round(rowTotals.reduce((a, b) => a + b, 0)),
    };
  }

  /** Time dimensions: every period of the range; others: the keys that occur. */
  private members(d: CubeDimension, from: string, to: string, keys: string[]): string[] {
    return isTime(d) ? periods(d, from, to) : [...new Set(keys)];
  }

  /** Names of departments and owners (ids are what the keys hold). */
  private async labels(kinds: string[], keys: string[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
    if (!kinds.length || !ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.ds.query(
      `SELECT id::text, name FROM departments WHERE $2 AND id = ANY($1::uuid[]) UNION ALL SELECT id::text, name FROM users WHERE $3 AND id = ANY($1::uuid[])`,
      [ids, kinds.includes('department'), kinds.includes('owner')],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

