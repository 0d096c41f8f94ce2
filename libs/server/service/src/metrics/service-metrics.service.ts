import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseType, ServiceAgentFiguresDto, ServiceFiguresDto, ServiceMetricsDto, ServiceMetricsQuery } from '@kehu/contracts';
import { Clock, fieldError, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { localDate } from '../cases/business-calendar';
import { CasesRepository } from '../cases/cases.repository';
import { SlaPolicyService } from '../cases/sla-policy.service';

const MAX_DAYS = 366;
type Row = Record<string, string | number | null>;

const rate = (part: unknown, whole: unknown) => (Number(whole) > 0 ? Math.round((Number(part) / Number(whole)) * 1000) / 1000 : null);
const num = (v: unknown, digits = 2) => (v === null || v === undefined ? null : Math.round(Number(v) * 10 ** digits) / 10 ** digits);

/**
 * Service figures over a period, in the caller's service.metrics.read scope: what was
 * solved, not how many calls were taken (seed 002) — first-contact resolution, reopen
 * rate, SLA met, satisfaction, time to resolve; per agent, per day and per type. Days are
 * the SLA calendar's days. A handful of aggregate statements over the scoped cases.
 */
@Injectable()
export class ServiceMetricsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesRepository,
    private readonly sla: SlaPolicyService,
    private readonly clock: Clock,
  ) {}

  async metrics(principal: Principal, q: ServiceMetricsQuery): Promise<ServiceMetricsDto> {
    const { calendar } = await this.sla.policy();
    const tz = calendar.timeZone;
    const now = this.clock.now();
    const to = q.to ?? localDate(tz, now);
    const from = q.from ?? shiftDays(to, -29);
    if (from > to) throw fieldError('from', 'notAfterTo', 'from must be on or before to');
    if (shiftDays(from, MAX_DAYS - 1) < to) throw fieldError('to', 'maxRange', `the period may span at most ${MAX_DAYS} days`);

    const scoped = this.cases.scoped(principal, 'service.metrics.read').select('c.id');
    if (q.ownerId) scoped.andWhere('c.owner_id = :metricsOwner', { metricsOwner: q.ownerId });
    const [sub, subParams] = scoped.getQueryAndParameters();
    const n = subParams.length;
    const params = [...subParams, from, to, tz, now];
    // PostgreSQL counts parameters up to the highest referenced: statements without now() get one fewer.
    const period = params.slice(0, n + 3);
    const [$from, $to, $tz, $now] = [n + 1, n + 2, n + 3, n + 4].map((i) => `$${i}`);
    const start = `(${$from}::date)::timestamp AT TIME ZONE ${$tz}`;
    const end = `(${$to}::date + 1)::timestamp AT TIME ZONE ${$tz}`;
    const cases = `service_cases s WHERE s.id IN (${sub}) AND s.deleted_at IS NULL`;

    const opened: Row[] = await this.ds.query(
      `SELECT s.owner_id, GROUPING(s.owner_id) AS total_row, count(*)::int AS opened,
              count(*) FILTER (WHERE s.response_due_at IS NOT NULL AND (s.first_responded_at IS NOT NULL OR s.response_due_at < ${$now}))::int AS response_due,
              count(*) FILTER (WHERE s.response_due_at IS NOT NULL AND s.response_breached_at IS NULL AND s.first_responded_at <= s.response_due_at)::int AS response_met
         FROM ${cases} AND s.created_at >= ${start} AND s.created_at < ${end}
        GROUP BY GROUPING SETS ((s.owner_id), ())`,
      params,
    );
    const resolved: Row[] = await this.ds.query(
      `SELECT s.owner_id, GROUPING(s.owner_id) AS total_row, count(*)::int AS resolved,
              count(*) FILTER (WHERE s.reply_count <= 1 AND s.reopen_count = 0)::int AS fcr,
              count(*) FILTER (WHERE s.reopen_count > 0)::int AS reopened,
              count(*) FILTER (WHERE s.resolution_due_at IS NOT NULL)::int AS resolution_due,
              count(*) FILTER (WHERE s.resolution_due_at IS NOT NULL AND s.resolution_breached_at IS NULL AND s.resolved_at <= s.resolution_due_at)::int AS resolution_met,
              avg(s.satisfaction)::float8 AS csat, count(s.satisfaction)::int AS csat_count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.resolved_at - s.created_at) / 3600)::float8 AS median_hours
         FROM ${cases} AND s.resolved_at >= ${start} AND s.resolved_at < ${end} AND s.status IN ('resolved', 'closed')
        GROUP BY GROUPING SETS ((s.owner_id), ())`,
      period,
    );
    const byDay: { day: string; opened: number; resolved: number }[] = await this.ds.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day,
              (SELECT count(*) FROM ${cases} AND s.created_at >= d AT TIME ZONE ${$tz} AND s.created_at < (d + interval '1 day') AT TIME ZONE ${$tz})::int AS opened,
              (SELECT count(*) FROM ${cases} AND s.status IN ('resolved', 'closed') AND s.resolved_at >= d AT TIME ZONE ${$tz} AND s.resolved_at < (d + interval '1 day') AT TIME ZONE ${$tz})::int AS resolved
         FROM generate_series(${$from}::date::timestamp, ${$to}::date::timestamp, interval '1 day') AS d
        ORDER BY d`,
      period,
    );
    const byType: { type: CaseType; opened: number }[] = await this.ds.query(
      `SELECT s.type, count(*)::int AS opened FROM ${cases} AND s.created_at >= ${start} AND s.created_at < ${end} GROUP BY s.type ORDER BY opened DESC, s.type`,
      period,
    );
    const [backlog]: { backlog: number; breached: number }[] = await this.ds.query(
      `SELECT count(*)::int AS backlog, count(*) FILTER (WHERE s.response_breached_at IS NOT NULL OR s.resolution_breached_at IS NOT NULL)::int AS breached
         FROM service_cases s WHERE s.id IN (${sub}) AND s.deleted_at IS NULL AND s.status IN ('new', 'open', 'pending')`,
      subParams,
    );

    const owners = [...new Set([...opened, ...resolved].filter((r) => !Number(r.total_row)).map((r) => String(r.owner_id)))];
    const names: { id: string; name: string }[] = owners.length ? await this.ds.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [owners]) : [];
    const nameOf = new Map(names.map((u) => [u.id, u.name]));
    const figures = (owner: string | null): ServiceFiguresDto => {
      const match = (r: Row) => (owner === null ? Number(r.total_row) === 1 : Number(r.total_row) === 0 && r.owner_id === owner);
      const o = opened.find(match) ?? {};
      const r = resolved.find(match) ?? {};
      return {
        opened: Number(o.opened ?? 0),
        resolved: Number(r.resolved ?? 0),
        firstContactResolutionRate: rate(r.fcr, r.resolved),
        reopenRate: rate(r.reopened, r.resolved),
        responseSlaMetRate: rate(o.response_met, o.response_due),
        resolutionSlaMetRate: rate(r.resolution_met, r.resolution_due),
        satisfactionAverage: num(r.csat),
        satisfactionCount: Number(r.csat_count ?? 0),
        medianResolutionHours: num(r.median_hours, 1),
      };
    };
    const byAgent: ServiceAgentFiguresDto[] = owners
      .map((id) => ({ ownerId: id, ownerName: nameOf.get(id) ?? null, ...figures(id) }))
      .sort((a, b) => b.resolved - a.resolved || b.opened - a.opened || (a.ownerName ?? '').localeCompare(b.ownerName ?? ''));
    return { from, to, totals: figures(null), backlog: backlog.backlog, backlogBreached: backlog.breached, byAgent, byDay, byType };
  }
}

function shiftDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
