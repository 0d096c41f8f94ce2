import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TargetLevel, TargetMetric } from '@kehu/contracts';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../activities/time-zone';

export interface Subjects {
  company: boolean;
  departmentIds: string[];
  userIds: string[];
}

/**
 * Per metric, the facts of the period grouped by (owner, department) — one row per pair,
 * never per record — then rolled up to the subjects asked for: users directly, each
 * department over its whole subtree (path prefix), the company over everything.
 * `$1` company?, `$2` user ids, `$3` department ids, `$4` from, `$5` to (inclusive days),
 * `$6` the time zone — only for facts dated by a timestamp (pg must see every parameter used).
 */
const FACTS: Record<TargetMetric, string> = {
  [TargetMetric.WON_AMOUNT]: `SELECT o.owner_id, o.department_id, sum(o.amount) AS v FROM opportunities o
      WHERE o.status = 'won' AND o.deleted_at IS NULL
        AND o.won_at >= ($4::date)::timestamp AT TIME ZONE $6 AND o.won_at < ($5::date + 1)::timestamp AT TIME ZONE $6
      GROUP BY 1, 2`,
  [TargetMetric.RECEIVED_AMOUNT]: `SELECT p.owner_id, p.department_id, sum(p.amount) AS v FROM payments p
      WHERE p.received_on BETWEEN $4::date AND $5::date
      GROUP BY 1, 2`,
  // Credited to the developer (the rep who brought the customer in), else the owner, in that user's department.
  [TargetMetric.NEW_CUSTOMERS]: `SELECT coalesce(c.developer_id, c.owner_id) AS owner_id, u.department_id, count(*)::numeric AS v FROM customers c
      LEFT JOIN users u ON u.id = coalesce(c.developer_id, c.owner_id)
      WHERE c.deleted_at IS NULL
        AND c.created_at >= ($4::date)::timestamp AT TIME ZONE $6 AND c.created_at < ($5::date + 1)::timestamp AT TIME ZONE $6
      GROUP BY 1, 2`,
};

const rollUp = (facts: string) => `
  WITH f AS (${facts})
  SELECT 'company' AS level, NULL::uuid AS subject_id, coalesce(sum(f.v), 0)::text AS actual FROM f WHERE $1::boolean
  UNION ALL
  SELECT 'user', f.owner_id, sum(f.v)::text FROM f WHERE f.owner_id = ANY($2::uuid[]) GROUP BY f.owner_id
  UNION ALL
  SELECT 'department', d.id, sum(f.v)::text FROM departments d
    JOIN departments sd ON sd.path LIKE d.path || '%'
    JOIN f ON f.department_id = sd.id
   WHERE d.id = ANY($3::uuid[])
   GROUP BY d.id`;

/** Actuals for target progress: one set-based query per metric, whatever the number of subjects. */
@Injectable()
export class TargetActuals {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Key `level:subjectId` (company: `company:`) → actual. Subjects without facts are absent (0). */
  async compute(metric: TargetMetric, from: string, to: string, subjects: Subjects): Promise<Map<string, number>> {
    const facts = FACTS[metric];
    const params: unknown[] = [subjects.company, subjects.userIds, subjects.departmentIds, from, to];
    if (facts.includes('$6')) params.push(DEFAULT_TIME_ZONE);
    const rows: { level: TargetLevel; subject_id: string | null; actual: string }[] = await this.ds.query(rollUp(facts), params);
    return new Map(rows.map((r) => [`${r.level}:${r.subject_id ?? ''}`, Number(r.actual)]));
  }
}
