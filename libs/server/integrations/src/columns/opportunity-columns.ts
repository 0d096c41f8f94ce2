import type { EntityColumn } from './import-column';

/** The opportunity CSV (export only): read with alias `t`. */
export const opportunityColumns: EntityColumn[] = [
  { key: 'id', en: 'ID', zh: '编号', sql: 't.id' },
  { key: 'name', en: 'Name', zh: '商机名称', sql: 't.name' },
  { key: 'customer', en: 'Customer', zh: '客户', sql: '(SELECT c.name FROM customers c WHERE c.id = t.customer_id)' },
  { key: 'pipeline', en: 'Pipeline', zh: '销售流程', sql: '(SELECT p.name FROM pipelines p WHERE p.id = t.pipeline_id)' },
  { key: 'stage', en: 'Stage', zh: '阶段', sql: '(SELECT s.name FROM pipeline_stages s WHERE s.id = t.stage_id)' },
  { key: 'status', en: 'Status', zh: '状态', sql: 't.status' },
  { key: 'amount', en: 'Amount', zh: '金额', sql: 't.amount::text' },
  { key: 'currency', en: 'Currency', zh: '币种', sql: 't.currency' },
  { key: 'probability', en: 'Probability (%)', zh: '赢单率 (%)', sql: 'coalesce(t.probability_override, (SELECT s.probability FROM pipeline_stages s WHERE s.id = t.stage_id))' },
  { key: 'expectedCloseDate', en: 'Expected close date', zh: '预计成交日期', sql: 't.expected_close_date::text' },
  { key: 'competitor', en: 'Competitor', zh: '竞争对手', sql: 't.competitor' },
  { key: 'nextStep', en: 'Next step', zh: '下一步', sql: 't.next_step' },
  { key: 'lostReason', en: 'Lost reason', zh: '输单原因', sql: 't.lost_reason' },
  { key: 'owner', en: 'Owner', zh: '负责人', sql: '(SELECT u.name FROM users u WHERE u.id = t.owner_id)' },
  { key: 'createdAt', en: 'Created at', zh: '创建时间', sql: `to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
];
