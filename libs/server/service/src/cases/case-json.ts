import { CaseLimits, SlaClockState } from '@kehu/contracts';
import { isoTimestampSql as iso, jsonObjectSql } from '@kehu/server-core';

/** The query parameter holding the server's "now" that the clock states are read against. */
export const CASE_NOW = 'caseNow';
const now = `CAST(:${CASE_NOW} AS timestamptz)`;

/** clockState (case-rules) in SQL: same order of rules, same at-risk share and 30-minute floor. */
function clockStateSql(due: string, stopped: string, started: string, breached: string, paused?: string): string {
  return `CASE
    WHEN ${stopped} IS NOT NULL THEN CASE WHEN ${due} IS NULL THEN CASE WHEN ${breached} IS NOT NULL THEN '${SlaClockState.BREACHED}' END
                                     WHEN ${stopped} <= ${due} AND ${breached} IS NULL THEN '${SlaClockState.MET}' ELSE '${SlaClockState.BREACHED}' END
    WHEN ${breached} IS NOT NULL THEN '${SlaClockState.BREACHED}'
    ${paused ? `WHEN ${paused} THEN '${SlaClockState.PAUSED}'` : ''}
    WHEN ${due} IS NULL THEN NULL
    WHEN ${due} < ${now} THEN '${SlaClockState.BREACHED}'
    WHEN ${due} - ${now} <= greatest(interval '30 minutes', (${due} - ${started}) * ${CaseLimits.atRiskShare}) THEN '${SlaClockState.AT_RISK}'
    ELSE '${SlaClockState.RUNNING}' END`;
}

const built = new Map<string, string>();

/**
 * The CaseDto of case `alias`, built by PostgreSQL: field for field toCaseDto (parity test in
 * cases.e2e-spec), the names looked up per returned row. The queue and a case by id are the
 * agents' busiest reads; hydrating 50 entities and mapping them was most of a page's API CPU.
 * The query must bind CASE_NOW.
 */
export function caseJson(alias: string): string {
  let sql = built.get(alias);
  if (sql) return sql;
  const c = (column: string) => `${alias}.${column}`;
  sql = jsonObjectSql([
    ['id', c('id')],
    ['number', c('number')],
    ['subject', c('subject')],
    ['description', c('description')],
    ['type', c('type')],
    ['priority', c('priority')],
    ['status', c('status')],
    ['channel', c('channel')],
    ['customerId', c('customer_id')],
    ['customerName', `(SELECT cn.name FROM customers cn WHERE cn.id = ${c('customer_id')})`],
    ['contactId', c('contact_id')],
    ['serviceContractId', c('service_contract_id')],
    ['ownerId', c('owner_id')],
    ['ownerName', `(SELECT un.name FROM users un WHERE un.id = ${c('owner_id')})`],
    ['departmentId', c('department_id')],
    [
      'response',
      jsonObjectSql([
        ['dueAt', iso(c('response_due_at'))],
        ['stoppedAt', iso(c('first_responded_at'))],
        ['state', clockStateSql(c('response_due_at'), c('first_responded_at'), c('created_at'), c('response_breached_at'))],
      ]),
    ],
    [
      'resolution',
      jsonObjectSql([
        ['dueAt', iso(c('resolution_due_at'))],
        ['stoppedAt', iso(c('resolved_at'))],
        ['state', clockStateSql(c('resolution_due_at'), c('resolved_at'), c('created_at'), c('resolution_breached_at'), `${c('paused_at')} IS NOT NULL`)],
      ]),
    ],
    ['resolutionNote', c('resolution_note')],
    ['knowledgeArticleId', c('knowledge_article_id')],
    ['replyCount', c('reply_count')],
    ['reopenCount', c('reopen_count')],
    ['firstContactResolution', `(${c('resolved_at')} IS NOT NULL AND ${c('reply_count')} <= 1 AND ${c('reopen_count')} = 0)`],
    ['closedAt', iso(c('closed_at'))],
    ['satisfaction', c('satisfaction')],
    ['satisfactionComment', c('satisfaction_comment')],
    ['createdAt', iso(c('created_at'))],
    ['updatedAt', iso(c('updated_at'))],
    ['createdBy', c('created_by')],
    ['version', c('version')],
  ]);
  built.set(alias, sql);
  return sql;
}
