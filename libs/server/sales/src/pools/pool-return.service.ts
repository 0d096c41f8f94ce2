import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolReturnRuleDto, ReturningSoonDto } from '@kehu/contracts';
import { DataSource } from 'typeorm';
import { renderReason } from '../ownership/ownership-reason';
import { daysExpression, Params, rulePredicate, ruleReasonCode, type PoolRoute } from './return-rules';

export interface PoolReturnRunResult {
  returned: number;
  batches: number;
  maxBatchMs: number;
}

const DAY_MS = 86_400_000;
// A batch (customers rows + their ~18 indexes, two contacts each, history, audit) must commit
// well within 1 s, however busy the database is: the size adapts to the measured time, aiming
// at BATCH_TARGET_MS (bench scale 1 on a loaded 2-core machine: ~1 ms per customer).
const FIRST_BATCH = 500;
const MIN_BATCH = 50;
const MAX_BATCH = 5000;
const BATCH_TARGET_MS = 400;
const DEFAULT_REMINDER_DAYS = 7;

/**
 * The return job's core (公海回收): set-based, callable with a bare DataSource (benchmarks).
 * Per enabled pool and rule it first reads the due ids (no locks, served by the partial
 * expression indexes), then moves them in batches (sized to the measured time, or `batchSize` ids), each batch one short
 * transaction: lock the still-due rows with FOR UPDATE SKIP LOCKED (re-checking every
 * condition), clear the owner, write one ownership-history and one audit row per customer.
 * Several instances may run at once: a row another run holds is skipped, a row it already
 * returned no longer matches, so no customer moves twice.
 */
/** The next batch size: scaled toward BATCH_TARGET_MS, at most doubling per step. */
export function nextBatchSize(size: number, ms: number): number {
  const scaled = Math.round((size * BATCH_TARGET_MS) / Math.max(ms, 1));
  return Math.max(MIN_BATCH, Math.min(MAX_BATCH, size * 2, scaled));
}

@Injectable()
export class PoolReturnService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run(now: Date, options: { batchSize?: number } = {}): Promise<PoolReturnRunResult> {
    let batchSize = options.batchSize ?? FIRST_BATCH;
    const pools = await this.routes();
    const out: PoolReturnRunResult = { returned: 0, batches: 0, maxBatchMs: 0 };
    for (const pool of pools) {
      for (const rule of pool.rules.returnRules ?? []) {
        const p = new Params([now]);
        const { where } = rulePredicate(pool, pools, rule, '$1', p);
        // In heap order: a batch then rewrites neighbouring rows (fewer pages dirtied per customer). The
        // order is only a hint; each batch re-reads its rows by id.
        const due: { id: string }[] = await this.ds.query(`SELECT c.id FROM customers c WHERE ${where} ORDER BY c.ctid`, p.values);
        for (let i = 0; i < due.length; ) {
          const ids = due.slice(i, i + batchSize).map((r) => r.id);
          i += ids.length;
          const started = Date.now();
          out.returned += await this.returnBatch(pool, pools, rule, now, ids);
          const ms = Date.now() - started;
          out.batches++;
          out.maxBatchMs = Math.max(out.maxBatchMs, ms);
          if (!options.batchSize) batchSize = nextBatchSize(ids.length, ms);
        }
      }
    }
    return out;
  }

  /**
   * One notification per owner and customer about to return within the pool's reminderDays
   * (dedupe key: customer + due date, so a daily run reminds once per due date).
   */
  async remind(now: Date): Promise<number> {
    const pools = await this.routes();
    let sent = 0;
    for (const pool of pools) {
      const days = pool.rules.reminderDays;
      if (!days) continue;
      for (const rule of pool.rules.returnRules ?? []) {
        const p = new Params([new Date(now.getTime() + days * DAY_MS), now]);
        const { where, dueAt } = rulePredicate(pool, pools, rule, '$1', p);
        const words = renderReason(ruleReasonCode(rule.kind), { days: '{d}' });
        const body = p.add(`${words.zh} / ${words.en}`);
        const rows = await this.ds.query(
          `INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
           SELECT c.owner_id, 'pool.returning',
                  left(c.name || ' 将于 ' || to_char(${dueAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') || ' 退回公海 / returns to the pool on ' || to_char(${dueAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), 200),
                  replace(${body}, '{d}', (${daysExpression(rule)})::text), '/sales/customers/' || c.id, 'customer', c.id::text,
                  'pool-return:' || c.id || ':' || to_char(${dueAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
             FROM customers c WHERE ${where} AND ${dueAt} > $2::timestamptz
           ON CONFLICT DO NOTHING RETURNING id`,
          p.values,
        );
        sent += rows.length;
      }
    }
    return sent;
  }

  /** The user's customers that return within `days` (default: each pool's reminderDays, else 7): earliest rule per customer. */
  async returningSoon(userId: string, now: Date, days?: number): Promise<ReturningSoonDto[]> {
    const pools = await this.routes();
    const best = new Map<string, ReturningSoonDto>();
    for (const pool of pools) {
      const window = days ?? pool.rules.reminderDays ?? DEFAULT_REMINDER_DAYS;
      for (const rule of pool.rules.returnRules ?? []) {
        const p = new Params([new Date(now.getTime() + window * DAY_MS), userId]);
        const { where, dueAt } = rulePredicate(pool, pools, rule, '$1', p);
        const rows: { id: string; name: string; dueAt: Date; days: number }[] = await this.ds.query(
          `SELECT c.id, c.name, ${dueAt} AS "dueAt", ${daysExpression(rule)} AS days
             FROM customers c WHERE c.owner_id = $2 AND ${where}`,
          p.values,
        );
        for (const r of rows) {
          const prev = best.get(r.id);
          if (prev && new Date(prev.dueAt) <= r.dueAt) continue;
          best.set(r.id, {
            customerId: r.id,
            customerName: r.name,
            poolId: pool.id,
            rule: rule.kind,
            dueAt: r.dueAt.toISOString(),
            daysLeft: Math.max(0, Math.ceil((r.dueAt.getTime() - now.getTime()) / DAY_MS)),
            reason: renderReason(ruleReasonCode(rule.kind), { days: r.days }),
          });
        }
      }
    }
    return [...best.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  private async returnBatch(pool: PoolRoute, pools: PoolRoute[], rule: PoolReturnRuleDto, now: Date, ids: string[]): Promise<number> {
    return this.ds.transaction(async (m) => {
      const p = new Params([now, ids]);
      const { where } = rulePredicate(pool, pools, rule, '$1', p);
      const poolId = p.add(pool.id);
      const code = p.add(ruleReasonCode(rule.kind));
      const [{ n }] = await m.query(
        `WITH due AS (
           SELECT c.id, c.owner_id AS old_owner, ${daysExpression(rule)} AS days FROM customers c
            WHERE c.id = ANY($2::uuid[]) AND ${where}
            FOR UPDATE OF c SKIP LOCKED
         ), moved AS (
           UPDATE customers c SET owner_id = NULL, pool_id = ${poolId}, pool_entered_at = $1, claimed_at = NULL, version = c.version + 1, updated_at = $1
             FROM due WHERE c.id = due.id
           RETURNING c.id, due.old_owner, due.days
         ), hist AS (
           INSERT INTO ownership_history (customer_id, kind, from_owner_id, to_owner_id, pool_id, reason_code, reason_params, actor_id, at)
           SELECT id, 'returned', old_owner, NULL, ${poolId}, ${code}, jsonb_build_object('days', days), NULL, $1 FROM moved
         ), aud AS (
           INSERT INTO audit_events (action, entity_type, entity_id, changes)
           SELECT 'pool_return', 'customer', id::text, jsonb_build_object('ownerId', jsonb_build_object('before', old_owner, 'after', NULL), 'reason', jsonb_build_object('before', NULL, 'after', ${code})) FROM moved
         )
         SELECT count(*)::int AS n FROM moved`,
        p.values,
      );
      return n;
    });
  }

  private async routes(): Promise<PoolRoute[]> {
    const rows: { id: string; isDefault: boolean; departmentId: string | null; rules: PoolRoute['rules'] }[] = await this.ds.query(
      `SELECT id, is_default AS "isDefault", department_id AS "departmentId", rules FROM pools WHERE enabled ORDER BY is_default DESC, created_at, id`,
    );
    return rows.map((r) => ({ ...r, rules: r.rules ?? {} }));
  }
}
