import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataQualityReportDto, DuplicatePairDto, ListDuplicatePairsQuery, Page } from '@kehu/contracts';
import { decodeCursor, encodeCursor, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { CustomersRepository } from './customers.repository';

const PAIRS_KEY = 'pairs';

/** Org-wide data quality (seed 000, risk 8), always within the caller's scope. */
@Injectable()
export class CustomerDataQualityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CustomersRepository,
  ) {}

  /** The caller's visible customers as SQL + parameters, for use as a CTE. */
  private scopeSql(principal: Principal): [string, unknown[]] {
    const [sql, params] = this.repo.scoped(principal, 'sales.customer.read').select(['c.id', 'c.name', 'c.phone', 'c.email', 'c.nameKey']).getQueryAndParameters();
    return [sql, params];
  }

  /** Pairs sharing a phone, e-mail or company key, ordered by (firstId, secondId). */
  async pairs(principal: Principal, query: ListDuplicatePairsQuery): Promise<Page<DuplicatePairDto>> {
    const limit = query.limit ?? 50;
    const [scope, params] = this.scopeSql(principal);
    const after = query.cursor ? (decodeCursor(query.cursor, PAIRS_KEY, 2) as string[]) : null;
    const n = params.length;
    const rows: { first_id: string; first_name: string; second_id: string; second_name: string; phone: boolean; email: boolean; name_key: boolean }[] = await this.ds.query(
      `WITH v AS (${scope})
       SELECT a.c_id AS first_id, a.c_name AS first_name, b.c_id AS second_id, b.c_name AS second_name,
              (a.c_phone = b.c_phone) AS phone, (a.c_email = b.c_email) AS email, (a.c_name_key = b.c_name_key) AS name_key
         FROM v a JOIN v b ON a.c_id < b.c_id AND (a.c_phone = b.c_phone OR a.c_email = b.c_email OR a.c_name_key = b.c_name_key)
        WHERE ($${n + 1}::uuid IS NULL OR (a.c_id, b.c_id) > ($${n + 1}::uuid, $${n + 2}::uuid))
        ORDER BY a.c_id, b.c_id
        LIMIT $${n + 3}`,
      [...params, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((r) => ({
        firstId: r.first_id,
        firstName: r.first_name,
        secondId: r.second_id,
        secondName: r.second_name,
        reasons: [r.phone && 'phone', r.email && 'email', r.name_key && 'nameKey'].filter(Boolean) as string[],
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(PAIRS_KEY, [last.first_id, last.second_id]) : null,
    };
  }

  async report(principal: Principal, staleDays = 90): Promise<DataQualityReportDto> {
    const [scope, params] = this.repo
      .scoped(principal, 'sales.customer.read')
      .select(['c.id', 'c.phone', 'c.email', 'c.nameKey', 'c.industry', 'c.province', 'c.completeness', 'c.lastFollowUpAt', 'c.createdAt'])
      .getQueryAndParameters();
    const n = params.length;
    const [row] = await this.ds.query(
      `WITH v AS (${scope})
       SELECT count(*)::int AS customers,
              count(*) FILTER (WHERE c_phone IS NULL)::int AS missing_phone,
              count(*) FILTER (WHERE c_email IS NULL)::int AS missing_email,
              count(*) FILTER (WHERE c_industry IS NULL)::int AS missing_industry,
              count(*) FILTER (WHERE c_province IS NULL)::int AS missing_region,
              count(*) FILTER (WHERE coalesce(c_last_follow_up_at, c_created_at) < now() - make_interval(days => $${n + 1}))::int AS stale,
              coalesce(round(avg(c_completeness)), 0)::int AS average_completeness,
              count(*) FILTER (WHERE c_completeness < 40)::int AS band_0,
              count(*) FILTER (WHERE c_completeness BETWEEN 40 AND 69)::int AS band_40,
              count(*) FILTER (WHERE c_completeness BETWEEN 70 AND 89)::int AS band_70,
              count(*) FILTER (WHERE c_completeness >= 90)::int AS band_90,
              (SELECT count(*)::int FROM v a WHERE EXISTS (SELECT 1 FROM v b WHERE b.c_id <> a.c_id AND (b.c_phone = a.c_phone OR b.c_email = a.c_email OR b.c_name_key = a.c_name_key))) AS in_duplicate_groups
         FROM v`,
      [...params, staleDays],
    );
    return {
      customers: row.customers,
      missingPhone: row.missing_phone,
      missingEmail: row.missing_email,
      missingIndustry: row.missing_industry,
      missingRegion: row.missing_region,
      stale: row.stale,
      staleDays,
      inDuplicateGroups: row.in_duplicate_groups,
      averageCompleteness: row.average_completeness,
      completenessBands: { '0-39': row.band_0, '40-69': row.band_40, '70-89': row.band_70, '90-100': row.band_90 },
    };
  }
}
