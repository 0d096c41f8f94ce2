import type { EntityColumn } from './import-column';

/** The customer CSV: export reads these (alias `t`), import fills CreateCustomerDto from them. */
export const customerColumns: EntityColumn[] = [
  { key: 'id', en: 'ID', zh: '编号', sql: 't.id' },
  { key: 'name', en: 'Name', zh: '客户名称', sql: 't.name', field: 'name', required: true },
  { key: 'kind', en: 'Kind', zh: '客户类型', sql: 't.kind', field: 'kind' },
  { key: 'shortName', en: 'Short name', zh: '简称', sql: 't.short_name', field: 'shortName' },
  { key: 'industry', en: 'Industry', zh: '行业', sql: 't.industry', field: 'industry' },
  { key: 'country', en: 'Country', zh: '国家', sql: 't.country', field: 'country' },
  { key: 'province', en: 'Province', zh: '省份', sql: 't.province', field: 'province' },
  { key: 'city', en: 'City', zh: '城市', sql: 't.city', field: 'city' },
  { key: 'address', en: 'Address', zh: '地址', sql: 't.address', field: 'address' },
  { key: 'website', en: 'Website', zh: '网址', sql: 't.website', field: 'website' },
  { key: 'phone', en: 'Phone', zh: '电话', sql: 't.phone', field: 'phone' },
  { key: 'email', en: 'E-mail', zh: '邮箱', sql: 't.email', field: 'email' },
  { key: 'source', en: 'Source', zh: '来源', sql: 't.source', field: 'source' },
  { key: 'lifecycleStage', en: 'Lifecycle stage', zh: '客户阶段', sql: 't.lifecycle_stage', field: 'lifecycleStage' },
  { key: 'grade', en: 'Grade', zh: '客户等级', sql: 't.grade', field: 'grade' },
  { key: 'tags', en: 'Tags', zh: '标签', sql: 't.tags', field: 'tags', kind: 'list' },
  { key: 'externalId', en: 'External ID', zh: '外部编号', sql: 't.external_id', field: 'externalId' },
  { key: 'externalSource', en: 'External source', zh: '外部系统', sql: 't.external_source', field: 'externalSource' },
  { key: 'nextFollowUpOn', en: 'Next follow-up', zh: '下次跟进日期', sql: `to_char(t.next_follow_up_on, 'YYYY-MM-DD')`, field: 'nextFollowUpOn' },
  { key: 'owner', en: 'Owner', zh: '负责人', sql: '(SELECT u.name FROM users u WHERE u.id = t.owner_id)' },
  { key: 'lastFollowUpAt', en: 'Last follow-up', zh: '最近跟进时间', sql: `to_char(t.last_follow_up_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
  { key: 'createdAt', en: 'Created at', zh: '创建时间', sql: `to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
];
